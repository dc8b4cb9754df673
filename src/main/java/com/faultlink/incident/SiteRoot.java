package com.faultlink.incident;

/** A root-cause alarm sent to one site that depends on its object (or is it). */
public record SiteRoot(String siteId, RootAlarm root) {}
