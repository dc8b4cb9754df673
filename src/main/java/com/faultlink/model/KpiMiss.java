package com.faultlink.model;

/**
 * What a {@code KPI_MISSED} alert reports: a region's metric over one closed period against its target.
 *
 * @param periodStart the period's first local date, ISO format
 * @param op {@code max} or {@code min}
 */
public record KpiMiss(PeriodKind period, String periodStart, String metric, String op, double target, double value) {}
