package com.faultlink.reference;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cell table and a region table that disagree stop the job at start, naming the region. */
class RegionTableTest {
  private static final Path CELLS = Path.of("cells.csv");
  private static final Path REGIONS = Path.of("regions.csv");

  @Test
  void aRegionOfTheCellTableMissingFromTheRegionTableIsNamed() {
    CellTable cells = CellTable.of(List.of(
        new Cell("A-1", "A", "Yinchuan", "4G", 38.5, 106.2),
        new Cell("B-1", "B", "Guyuan", "4G", 36.0, 106.2),
        new Cell("B-2", "B", "Guyuan", "5G", 36.0, 106.2),
        new Cell("C-1", "C", "Wuzhong", "4G", 37.9, 106.1)));
    RegionTable regions = RegionTable.of(Map.of("Yinchuan", 100L));
    assertThatThrownBy(() -> regions.requireEveryRegionOf(cells, CELLS, REGIONS))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessageContaining("region Guyuan (2 cells) is not in regions.csv")
        .hasMessageContaining("1 more regions: Wuzhong");
  }

  @Test
  void tablesThatAgreePass() {
    CellTable cells = CellTable.of(List.of(new Cell("A-1", "A", "Yinchuan", "4G", 38.5, 106.2)));
    RegionTable regions = RegionTable.of(Map.of("Yinchuan", 100L, "Unused", 5L));
    assertThatCode(() -> regions.requireEveryRegionOf(cells, CELLS, REGIONS)).doesNotThrowAnyException();
  }

  @Test
  void theCommittedSampleTablesAgree() {
    Path cellFile = Path.of("sample-data/cells.csv");
    Path regionFile = Path.of("sample-data/regions.csv");
    assertThatCode(() -> RegionTable.load(regionFile).requireEveryRegionOf(CellTable.load(cellFile), cellFile,
        regionFile)).doesNotThrowAnyException();
  }
}
