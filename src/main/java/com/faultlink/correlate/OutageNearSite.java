package com.faultlink.correlate;

import com.faultlink.model.Outage;

/**
 * An outage sent to a site whose complaints it may explain: its own site, or a site with at least one cell
 * among its cell's neighbours. Which complaints of the site it may explain, and at what level, is decided per
 * complaint cell by {@link ComplaintAttributor}.
 */
public record OutageNearSite(String siteId, Outage outage) {}
