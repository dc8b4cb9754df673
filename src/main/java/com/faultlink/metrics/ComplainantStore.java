package com.faultlink.metrics;

import com.faultlink.model.PeriodKind;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;

/**
 * The current key's (a scope's) complaints per customer and period, one collection per period kind, in the layout
 * that suits the state backend. Every task registers every layout a savepoint may hold them in — the other
 * backend's, and the text keys of savepoints before customers were numbers — and {@link #absorb}s what the
 * savepoint left there into the one in use.
 */
abstract class ComplainantStore implements ComplainantSource {
  /** Which layout to keep complainants in. */
  enum Layout {
    /** One {@link ComplainantCounts} per kind: for the heap backend, which copies a state entry whole. */
    TABLE,
    /** A map entry per customer and period: for RocksDB, which reads and writes a state value whole. */
    ENTRIES
  }

  /** The store of {@code layout} and, as {@code [1]}, the other one (to absorb what a savepoint left there). */
  static ComplainantStore[] open(RuntimeContext context, Layout layout) {
    ComplainantStore table = new TableStore(context);
    ComplainantStore entries = new EntryStore(context);
    return layout == Layout.TABLE ? new ComplainantStore[] {table, entries}
        : new ComplainantStore[] {entries, table};
  }

  /**
   * What savepoints taken before customers were numbers hold: state {@code complaints-per-customer-<kind>}, keyed
   * {@code KIND|period start|customer key}.
   */
  static ComplainantSource textKeyed(RuntimeContext context) {
    return new TextKeyedSource(context);
  }

  /** Counts one more complaint of {@code customer} in the {@code kind} period starting on {@code start}; its count. */
  final int increment(PeriodKind kind, LocalDate start, long customer) throws Exception {
    return add(kind, day(start), customer, 1);
  }

  /** Forgets the customers of the {@code kind} period starting on {@code start}. */
  final void removePeriod(PeriodKind kind, LocalDate start) throws Exception {
    removePeriod(kind, day(start));
  }

  /** Moves every entry of {@code source} into this store and empties it. */
  final void absorb(ComplainantSource source) throws Exception {
    for (PeriodKind kind : PeriodKind.values()) {
      if (source.isEmpty(kind)) {
        continue;
      }
      source.forEach(kind, (day, customer, complaints) -> add(kind, day, customer, complaints));
      source.clear(kind);
    }
  }

  /** Adds {@code complaints} to the entry of the {@code kind} period starting on epoch day {@code day}; its count. */
  abstract int add(PeriodKind kind, int day, long customer, int complaints) throws Exception;

  abstract void removePeriod(PeriodKind kind, int day) throws Exception;

  /** A period's start as the epoch day the layouts keep. */
  private static int day(LocalDate start) {
    return Math.toIntExact(start.toEpochDay());
  }

  private static String name(PeriodKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** One map state of complaints per period kind, named {@code prefix} and the kind. */
  @SuppressWarnings("unchecked")
  private static <K> MapState<K, Integer>[] countsPerKind(RuntimeContext context, String prefix,
      TypeInformation<K> keys) {
    MapState<K, Integer>[] maps = new MapState[PeriodKind.values().length];
    for (PeriodKind kind : PeriodKind.values()) {
      maps[kind.ordinal()] = context.getMapState(new MapStateDescriptor<>(prefix + name(kind), keys, Types.INT));
    }
    return maps;
  }

  /** {@link Layout#TABLE}: state {@code complainant-table-<kind>}. */
  private static final class TableStore extends ComplainantStore {
    private final ValueState<ComplainantCounts>[] tables;

    @SuppressWarnings("unchecked")
    TableStore(RuntimeContext context) {
      tables = new ValueState[PeriodKind.values().length];
      for (PeriodKind kind : PeriodKind.values()) {
        tables[kind.ordinal()] = context.getState(
            new ValueStateDescriptor<>("complainant-table-" + name(kind), ComplainantCountsSerializer.INSTANCE));
      }
    }

    @Override
    int add(PeriodKind kind, int day, long customer, int complaints) throws Exception {
      ComplainantCounts t = tables[kind.ordinal()].value();
      if (t == null) {
        t = new ComplainantCounts();
      }
      int n = t.add(day, customer, complaints);
      tables[kind.ordinal()].update(t);
      return n;
    }

    @Override
    void removePeriod(PeriodKind kind, int day) throws Exception {
      ComplainantCounts t = tables[kind.ordinal()].value();
      if (t == null || t.removePeriod(day) == 0) {
        return;
      }
      if (t.isEmpty()) {
        tables[kind.ordinal()].clear();
      } else {
        tables[kind.ordinal()].update(t);
      }
    }

    @Override
    public void forEach(PeriodKind kind, ComplainantCounts.EntryVisitor<Exception> visitor) throws Exception {
      ComplainantCounts t = tables[kind.ordinal()].value();
      if (t != null) {
        t.forEach(visitor);
      }
    }

    @Override
    public boolean isEmpty(PeriodKind kind) throws Exception {
      ComplainantCounts t = tables[kind.ordinal()].value();
      return t == null || t.isEmpty();
    }

    @Override
    public void clear(PeriodKind kind) {
      tables[kind.ordinal()].clear();
    }
  }

  /**
   * {@link Layout#ENTRIES}: state {@code complainants-<kind>}, keyed by (period day, customer number), as every
   * savepoint before the table layout holds it.
   */
  private static final class EntryStore extends ComplainantStore {
    private final MapState<Tuple2<Long, Long>, Integer>[] maps;

    EntryStore(RuntimeContext context) {
      maps = countsPerKind(context, "complainants-", Types.TUPLE(Types.LONG, Types.LONG));
    }

    @Override
    int add(PeriodKind kind, int day, long customer, int complaints) throws Exception {
      Tuple2<Long, Long> key = Tuple2.of((long) day, customer);
      Integer before = maps[kind.ordinal()].get(key);
      int n = before == null ? complaints : before + complaints;
      maps[kind.ordinal()].put(key, n);
      return n;
    }

    @Override
    void removePeriod(PeriodKind kind, int day) throws Exception {
      Iterator<Tuple2<Long, Long>> customers = maps[kind.ordinal()].keys().iterator();
      while (customers.hasNext()) {
        if (customers.next().f0 == day) {
          customers.remove();
        }
      }
    }

    @Override
    public void forEach(PeriodKind kind, ComplainantCounts.EntryVisitor<Exception> visitor) throws Exception {
      for (Map.Entry<Tuple2<Long, Long>, Integer> e : maps[kind.ordinal()].entries()) {
        visitor.visit(Math.toIntExact(e.getKey().f0), e.getKey().f1, e.getValue());
      }
    }

    @Override
    public boolean isEmpty(PeriodKind kind) throws Exception {
      return maps[kind.ordinal()].isEmpty();
    }

    @Override
    public void clear(PeriodKind kind) {
      maps[kind.ordinal()].clear();
    }
  }

  /** See {@link #textKeyed}. */
  private static final class TextKeyedSource implements ComplainantSource {
    private final MapState<String, Integer>[] maps;

    TextKeyedSource(RuntimeContext context) {
      maps = countsPerKind(context, "complaints-per-customer-", Types.STRING);
    }

    @Override
    public void forEach(PeriodKind kind, ComplainantCounts.EntryVisitor<Exception> visitor) throws Exception {
      for (Map.Entry<String, Integer> e : maps[kind.ordinal()].entries()) {
        String[] kpc = e.getKey().split("\\|", 3); // KIND|period start|customer key
        visitor.visit(day(LocalDate.parse(kpc[1])), RegionPeriodAggregator.customerNumber(kpc[2]), e.getValue());
      }
    }

    @Override
    public boolean isEmpty(PeriodKind kind) throws Exception {
      return maps[kind.ordinal()].isEmpty();
    }

    @Override
    public void clear(PeriodKind kind) {
      maps[kind.ordinal()].clear();
    }
  }
}
