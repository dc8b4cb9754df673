package com.faultlink.model;

/**
 * One region's (or {@code *}'s) ticket figures of one service tier for one period (stream {@code ticket-metrics});
 * the {@code metrics} stream carries the same figures over all tiers.
 */
public record TicketMetrics(String region, PeriodKind period, String periodStart, String tier, TicketFigures figures) {}
