package com.faultlink.metrics;

import com.faultlink.model.Category;

/** What period metrics need to know of one decided complaint, for one scope (a region or {@code *}). */
public record ComplaintFact(
    String scope, long time, Category category, String customerKey, boolean faultCaused, boolean planned) {}
