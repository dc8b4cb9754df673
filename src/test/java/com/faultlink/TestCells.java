package com.faultlink;

import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A tiny network for tests: site S1 (cells C1a, C1b) and site S2 (cell C2) about 1.1 km apart, site S3
 * (cell C3) about 11 km away, all in Yinchuan; cell G1 in Guyuan.
 */
public final class TestCells {
  private TestCells() {}

  public static final CellTable CELLS = CellTable.of(List.of(
      new Cell("C1a", "S1", "Yinchuan", "4G", 38.4800, 106.2300),
      new Cell("C1b", "S1", "Yinchuan", "5G", 38.4800, 106.2300),
      new Cell("C2", "S2", "Yinchuan", "4G", 38.4900, 106.2300),
      new Cell("C3", "S3", "Yinchuan", "4G", 38.5800, 106.2300),
      new Cell("G1", "G", "Guyuan", "4G", 36.0100, 106.2400)));

  public static final RegionTable REGIONS = RegionTable.of(Map.of("Yinchuan", 2_000_000L, "Guyuan", 500_000L));

  /** Epoch millis of a local time in +08:00, e.g. {@code t("2026-10-05T08:00")}. */
  public static long t(String localMinute) {
    return OffsetDateTime.parse(localMinute + ":00+08:00").toInstant().toEpochMilli();
  }

  public static long minutes(long n) {
    return n * 60_000L;
  }
}
