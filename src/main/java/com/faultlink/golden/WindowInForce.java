package com.faultlink.golden;

/**
 * The golden window in force for one outage (the one at its start), as {@link GoldenWindowAlerter} chose it for
 * its alerts: sent when the watermark passes the outage's start, and again with each later snapshot of it, so that
 * other streams of the outage (its {@code outage-status} records) show the same window as its alerts.
 *
 * @param goldenWindowMinutes rounded as in the alerts (half up, 2 decimals)
 * @param source where it came from: a learned estimate's scope (e.g. {@code Yinchuan|*}), {@code fixed} or
 *     {@code initial}
 */
public record WindowInForce(String outageId, double goldenWindowMinutes, String source) {}
