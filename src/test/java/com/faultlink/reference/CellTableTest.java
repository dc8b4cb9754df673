package com.faultlink.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class CellTableTest {

  private static CellTable table() {
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell("NX-YC-0002-1", "NX-YC-0002", "Yinchuan", "4G", 38.48, 106.23));
    cells.add(new Cell("NX-YC-0001-1", "NX-YC-0001", "Yinchuan", "5G", -0.0, 179.999999999));
    cells.add(new Cell("银川-基站-1", "银川-基站", "银川", "WLAN", 38.5, -106.1));
    cells.add(new Cell("G1", "G", "Guyuan", "2G", 36.01, 106.24));
    return CellTable.of(cells);
  }

  /** Through Java serialization and back, as Flink ships functions to its tasks. */
  private static Object roundTrip(Object o) throws Exception {
    return InstantiationUtil.deserializeObject(InstantiationUtil.serializeObject(o), ClassLoader.getSystemClassLoader());
  }

  @Test
  void survivesJavaSerializationWithEveryCellInOrder() throws Exception {
    CellTable table = table();
    CellTable copy = (CellTable) roundTrip(table);
    assertThat(copy.cells()).containsExactlyElementsOf(table.cells());
    assertThat(copy.get("银川-基站-1")).isEqualTo(table.get("银川-基站-1"));
    assertThat(copy.get("nope")).isNull();
    assertThat(copy.size()).isEqualTo(4);
    // and again from the copy (it keeps its packed form)
    assertThat(((CellTable) roundTrip(copy)).cells()).containsExactlyElementsOf(table.cells());
  }

  @Test
  void tasksDeserializingTheSameTableShareOneInstanceAndADifferentTableIsNotConfused() throws Exception {
    byte[] shipped = InstantiationUtil.serializeObject(table());
    ClassLoader loader = getClass().getClassLoader();
    CellTable first = InstantiationUtil.deserializeObject(shipped, loader);
    CellTable second = InstantiationUtil.deserializeObject(shipped, loader);
    assertThat(second).isSameAs(first);
    CellTable other = (CellTable) roundTrip(CellTable.of(List.of(new Cell("X", "S", "R", "4G", 1, 2))));
    assertThat(other).isNotSameAs(first);
    assertThat(other.cells()).containsExactly(new Cell("X", "S", "R", "4G", 1, 2));
    assertThat(NeighbourIndex.shared(first, 2.0)).isSameAs(NeighbourIndex.shared(second, 2.0));
    assertThat(NeighbourIndex.shared(first, 3.0)).isNotSameAs(NeighbourIndex.shared(first, 2.0));
  }

  @Test
  void shipsAsAFewBytesPerCell() throws Exception {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      cells.add(new Cell("NX-YC-" + i + "-1", "NX-YC-" + i, "Yinchuan", "4G", 38 + i * 1e-5, 106 + i * 1e-5));
    }
    assertThat(InstantiationUtil.serializeObject(CellTable.of(cells)).length).isLessThan(10_000 * 70);
  }
}
