package com.faultlink.model;

/**
 * The contract's ticket figures of one scope (a region or {@code *}, one tier or all) and period; rates and hours
 * rounded half up to 2 decimals.
 *
 * @param due tickets whose deadline fell in the period (not cancelled by then)
 * @param resolvedOnTime of those, resolved at or before their deadline
 * @param onTimeRatePct resolvedOnTime / due × 100, null where none was due
 * @param resolved tickets whose resolution fell in the period
 * @param meanResolutionHours mean of resolution − creation over those, null where none
 * @param overdueOpen tickets overdue at the period's end (past their deadline, neither resolved nor cancelled
 *     before that instant)
 */
public record TicketFigures(long due, long resolvedOnTime, Double onTimeRatePct, long resolved,
    Double meanResolutionHours, long overdueOpen) {}
