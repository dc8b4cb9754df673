package com.faultlink.model;

import java.util.List;

/**
 * One incident (common cause): the outages one root-cause alarm explains, or, with cause {@code unknown}, outages
 * close in space and time that none explains. Emitted once it has ended and its outages' impacts are known, or at
 * the end of a bounded input while still open.
 *
 * @param incidentId {@code <sourceSystemId>/<alarm.id>} of the root alarm ({@code @<raise instant>} appended for a
 *     re-raise of a reused id); {@code unknown/<first outageId>} for a group with no root alarm
 * @param cause the root alarm's {@code probableCause}, or {@code unknown}
 * @param rootObjectId the root alarm's object; null for {@code unknown}
 * @param regions the regions of its outages, sorted
 * @param start the root alarm's raise, else the first outage's start
 * @param end when the root alarm had cleared and every outage had ended; null: still open at the end of the input
 * @param rootCleared the root alarm's clear, null where none (yet)
 * @param outageIds its outages, sorted
 * @param sites distinct sites of its outages
 * @param cells distinct cells of its outages
 * @param complaints complaints attributed to its outages (at any level)
 */
public record Incident(
    String incidentId,
    String cause,
    String rootObjectId,
    List<String> regions,
    long start,
    Long end,
    Long rootCleared,
    List<String> outageIds,
    int sites,
    int cells,
    long complaints) {}
