package com.faultlink.tools.generator;

import java.util.List;

/**
 * An incident the generator put in on purpose: a root-cause alarm ({@code incidentId} as FaultLink names it:
 * {@code <sourceSystemId>/<alarm.id>}) and the outages it caused (outage ids as FaultLink names them: the source
 * system and alarm id of the first raise), sorted.
 */
public record InjectedIncident(String incidentId, String cause, String rootObjectId, List<String> outageIds) {}
