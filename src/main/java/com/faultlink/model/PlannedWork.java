package com.faultlink.model;

import java.util.List;

/** An engineering work (cut-over) from the works stream. */
public record PlannedWork(
    String workId, long start, long end, List<String> cells, List<String> regions, boolean announced) {}
