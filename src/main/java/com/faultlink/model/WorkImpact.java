package com.faultlink.model;

/**
 * What one announced planned work cost (stream {@code work-impacts}): emitted once the work has ended, each of
 * its outages is closed and their attribution tails have passed, or at the end of a bounded input.
 *
 * @param outages planned outages that started inside the work's window on its cells
 * @param complaints complaints attributed to those outages (at any level)
 * @param outageMinutes their durations summed (an outage still open at the end of the input: up to it)
 * @param overrunOutages those still open when the work ended
 * @param overrunMinutes the longest overrun: how long after the work's end its last outage cleared; 0 if none
 */
public record WorkImpact(
    String workId,
    long start,
    long end,
    long outages,
    long complaints,
    double outageMinutes,
    long overrunOutages,
    double overrunMinutes) {}
