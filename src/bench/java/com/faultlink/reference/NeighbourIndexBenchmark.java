package com.faultlink.reference;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Neighbour lookups: whether two cells are neighbours, as attribution asks it for each complaint and each
 * outage held at its site ({@code areNeighbours}: a cell against one of its neighbours, then against a cell
 * further along the table); a cell's neighbours, every id visited, as the per-cell fan-out did
 * before attribution was keyed by site ({@code fanOut}, cells taken in turn over the whole table); and building
 * the index, which each JVM does once at start ({@code build}). The cell table is
 * {@code sample-data/cells.csv} (1 397 cells) unless {@code -p cells=FILE} names another, e.g. a bench set's
 * {@code /tmp/bench-data/d4/cells.csv} (about 7 000 cells).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NeighbourIndexBenchmark {
  @Param("sample-data/cells.csv")
  public String cells;

  @Param("2.0")
  public double radiusKm;

  private CellTable table;
  private NeighbourIndex index;
  private String[] ids;
  private int next;

  @Setup
  public void setUp() {
    table = CellTable.load(Path.of(cells));
    index = NeighbourIndex.build(table, radiusKm);
    ids = table.cells().stream().map(Cell::cellId).sorted().toArray(String[]::new);
  }

  @Benchmark
  public int fanOut() {
    String cell = ids[next];
    next = next + 1 == ids.length ? 0 : next + 1;
    int h = 0;
    List<String> neighbours = index.neighboursOf(cell);
    for (int i = 0; i < neighbours.size(); i++) {
      h += neighbours.get(i).hashCode();
    }
    return h;
  }

  @Benchmark
  public int areNeighbours() {
    String cell = ids[next];
    next = next + 1 == ids.length ? 0 : next + 1;
    List<String> neighbours = index.neighboursOf(cell);
    int yes = neighbours.isEmpty() ? 0 : index.areNeighbours(cell, neighbours.get(next % neighbours.size())) ? 1 : 0;
    return yes + (index.areNeighbours(cell, ids[(next * 31) % ids.length]) ? 2 : 0);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public NeighbourIndex build() {
    return NeighbourIndex.build(table, radiusKm);
  }
}
