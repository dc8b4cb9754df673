package com.faultlink.model;

/**
 * One place on a region's weekly hotspot list: a cell or a site ranked by its complaints that no outage explains
 * (attributions with {@code outageId} null): coverage or capacity trouble rather than faults.
 *
 * @param weekStart the ISO week's Monday, local date
 * @param level {@code cell} or {@code site}
 * @param id the cell id or the site id (from the cell table)
 * @param siteId the site (the same as {@code id} for a site)
 * @param technology the cell's technology; null for a site
 * @param rank 1 for the most complaints; ties broken by id
 * @param complaints complaints in the week not explained by any outage
 * @param cells for a site, how many of its cells had such complaints; 1 for a cell
 */
public record Hotspot(
    String region, String weekStart, String level, String id, String siteId, String technology, int rank,
    long complaints, int cells) {}
