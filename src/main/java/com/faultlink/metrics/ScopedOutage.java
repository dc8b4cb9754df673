package com.faultlink.metrics;

import com.faultlink.model.Outage;

/** An outage snapshot routed to one metrics scope (its region, or {@code *}). */
public record ScopedOutage(String scope, Outage outage) {}
