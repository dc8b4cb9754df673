package com.faultlink.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional topology table: which sites depend on which object; a bad row refuses the start, naming it. */
class TopologyTableTest {
  private static final CellTable CELLS = CellTable.of(List.of(
      new Cell("S1-1", "S1", "Yinchuan", "4G", 38.48, 106.23), new Cell("S2-1", "S2", "Yinchuan", "4G", 38.49, 106.24)));

  @TempDir Path tmp;

  private Path file(String... lines) throws Exception {
    Path p = tmp.resolve("topology.csv");
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void eachObjectListsTheSitesThatDependOnIt() throws Exception {
    TopologyTable t = TopologyTable.load(file("object_id,object_type,site_id", "TX-A,Transmission,S1",
        "TX-A,Transmission,S2", "", "PSU-1,PowerSupply,S2"), CELLS);
    assertThat(t.sitesOf("TX-A")).containsExactly("S1", "S2");
    assertThat(t.sitesOf("PSU-1")).containsExactly("S2");
    assertThat(t.typeOf("PSU-1")).isEqualTo("PowerSupply");
    assertThat(t.sitesOf("TX-B")).isEmpty();
    assertThat(TopologyTable.forConfig(null, CELLS).objects()).as("no table configured").isZero();
  }

  @Test
  void aBadRowStopsTheStartNamingTheFileAndLine() throws Exception {
    String header = "object_id,object_type,site_id";
    assertThatThrownBy(() -> TopologyTable.load(file(header, "TX-A,Transmission,S1", "TX-A,Transmission,S9"), CELLS))
        .isInstanceOf(ReferenceDataException.class).hasMessageContaining("topology.csv line 3")
        .hasMessageContaining("S9 is no site of the cell table");
    assertThatThrownBy(() -> TopologyTable.load(file(header, "TX-A,,S1"), CELLS))
        .hasMessageContaining("topology.csv line 2").hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> TopologyTable.load(file(header, "TX-A,Transmission,S1", "TX-A,Transmission,S1"), CELLS))
        .hasMessageContaining("line 3").hasMessageContaining("listed twice");
    assertThatThrownBy(() -> TopologyTable.load(file(header, "TX-A,Transmission,S1", "TX-A,PowerSupply,S2"), CELLS))
        .hasMessageContaining("line 3").hasMessageContaining("type");
    assertThatThrownBy(() -> TopologyTable.load(file(header, "TX-A,Transmission"), CELLS))
        .hasMessageContaining("line 2").hasMessageContaining("2 fields, expected 3");
    assertThatThrownBy(() -> TopologyTable.load(file("object,type,site"), CELLS))
        .hasMessageContaining("expected 'object_id,object_type,site_id'");
  }
}
