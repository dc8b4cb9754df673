package com.faultlink.model;


/**
 * Whether an outage was restored inside the golden window in force at its start, decided when the window
 * ends (the breach instant): the figure the NOC is judged by.
 */
public record GoldenOutcome(Outage outage, double windowMinutes, boolean restoredInWindow) {}
