package com.faultlink.correlate;

import com.faultlink.model.MatchLevel;
import com.faultlink.model.Outage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * The attribution decision ({@link AttributionRule#choose}, what {@link ComplaintAttributor} runs for every
 * complaint over the outages it holds for the complaint's cell): the best covering outage among {@code candidates}
 * held ones — cell, site and neighbour levels mixed, about half open, the others closed up to two hours before the
 * complaint, some within the 30-minute tail. 1 is the common case; a dense city during a mass outage or a storm
 * holds dozens.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AttributionBenchmark {
  private static final long TAIL = 30 * 60_000L;

  @Param({"1", "8", "64"})
  public int candidates;

  private List<CandidateOutage> held;
  private long complaintTime;

  @Setup
  public void setUp() {
    Random rnd = new Random(7);
    complaintTime = 1_790_000_000_000L;
    held = new ArrayList<>(candidates);
    MatchLevel[] levels = {MatchLevel.CELL, MatchLevel.SITE, MatchLevel.NEIGHBOR};
    for (int i = 0; i < candidates; i++) {
      long start = complaintTime - (5 + rnd.nextInt(180)) * 60_000L;
      Long end = rnd.nextBoolean() ? null : Math.min(complaintTime, start + (1 + rnd.nextInt(120)) * 60_000L);
      Outage o = new Outage("OMC-HW-1/A-" + (1000 + i), "NX-YC-0001-" + (i % 6 + 1), "NX-YC-0001", "Yinchuan", "4G",
          start, end, null, false, null);
      held.add(new CandidateOutage("NX-YC-0001-1", i == 0 && candidates > 1 ? MatchLevel.NEIGHBOR
          : levels[rnd.nextInt(levels.length)], o));
    }
  }

  @Benchmark
  public CandidateOutage choose() {
    return AttributionRule.choose(held, complaintTime, TAIL);
  }
}
