package com.faultlink.correlate;

import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;

/** An outage as seen from a cell whose complaints it may explain, and how close it is to that cell. */
public record CandidateOutage(String targetCellId, MatchLevel level, Outage outage) {}
