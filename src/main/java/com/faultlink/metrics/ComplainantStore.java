package com.faultlink.metrics;

import com.faultlink.model.PeriodKind;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;

/**
 * The current key's (a scope's) complaints per customer and period, one collection per period kind, in the layout
 * that suits the state backend. Both layouts are registered by every task, so a savepoint taken on one backend
 * restores on the other: {@link #absorb} moves what the other layout holds into this one.
 */
abstract class ComplainantStore {
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

  /** Counts one more complaint of {@code customer} in the {@code kind} period starting on {@code day}; its count. */
  abstract int increment(PeriodKind kind, int day, long customer) throws Exception;

  /** Forgets the customers of the {@code kind} period starting on {@code day}. */
  abstract void removePeriod(PeriodKind kind, int day) throws Exception;

  /** Adds {@code complaints} to an entry (moving entries between layouts). */
  abstract void add(PeriodKind kind, int day, long customer, int complaints) throws Exception;

  /** Every entry of {@code kind}. */
  abstract void forEach(PeriodKind kind, ComplainantCounts.EntryVisitor visitor) throws Exception;

  abstract boolean isEmpty(PeriodKind kind) throws Exception;

  abstract void clear(PeriodKind kind) throws Exception;

  /** Moves every entry of {@code other} into this store and empties it. */
  void absorb(ComplainantStore other) throws Exception {
    for (PeriodKind kind : PeriodKind.values()) {
      if (other.isEmpty(kind)) {
        continue;
      }
      Exception[] failed = {null};
      other.forEach(kind, (day, customer, complaints) -> {
        try {
          add(kind, day, customer, complaints);
        } catch (Exception e) {
          failed[0] = e;
        }
      });
      if (failed[0] != null) {
        throw failed[0];
      }
      other.clear(kind);
    }
  }

  private static String name(PeriodKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
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

    private ComplainantCounts table(PeriodKind kind) throws Exception {
      ComplainantCounts t = tables[kind.ordinal()].value();
      return t == null ? new ComplainantCounts() : t;
    }

    @Override
    int increment(PeriodKind kind, int day, long customer) throws Exception {
      ComplainantCounts t = table(kind);
      int n = t.increment(day, customer);
      tables[kind.ordinal()].update(t);
      return n;
    }

    @Override
    void add(PeriodKind kind, int day, long customer, int complaints) throws Exception {
      ComplainantCounts t = table(kind);
      t.add(day, customer, complaints);
      tables[kind.ordinal()].update(t);
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
    void forEach(PeriodKind kind, ComplainantCounts.EntryVisitor visitor) throws Exception {
      ComplainantCounts t = tables[kind.ordinal()].value();
      if (t != null) {
        t.forEach(visitor);
      }
    }

    @Override
    boolean isEmpty(PeriodKind kind) throws Exception {
      ComplainantCounts t = tables[kind.ordinal()].value();
      return t == null || t.isEmpty();
    }

    @Override
    void clear(PeriodKind kind) {
      tables[kind.ordinal()].clear();
    }
  }

  /**
   * {@link Layout#ENTRIES}: state {@code complainants-<kind>}, keyed by (period day, customer number), as every
   * savepoint before the table layout holds it.
   */
  private static final class EntryStore extends ComplainantStore {
    private final MapState<Tuple2<Long, Long>, Integer>[] maps;

    @SuppressWarnings("unchecked")
    EntryStore(RuntimeContext context) {
      maps = new MapState[PeriodKind.values().length];
      for (PeriodKind kind : PeriodKind.values()) {
        maps[kind.ordinal()] = context.getMapState(new MapStateDescriptor<>(
            "complainants-" + name(kind), Types.TUPLE(Types.LONG, Types.LONG), Types.INT));
      }
    }

    @Override
    int increment(PeriodKind kind, int day, long customer) throws Exception {
      Tuple2<Long, Long> key = Tuple2.of((long) day, customer);
      Integer before = maps[kind.ordinal()].get(key);
      int n = before == null ? 1 : before + 1;
      maps[kind.ordinal()].put(key, n);
      return n;
    }

    @Override
    void add(PeriodKind kind, int day, long customer, int complaints) throws Exception {
      Tuple2<Long, Long> key = Tuple2.of((long) day, customer);
      Integer before = maps[kind.ordinal()].get(key);
      maps[kind.ordinal()].put(key, before == null ? complaints : before + complaints);
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
    void forEach(PeriodKind kind, ComplainantCounts.EntryVisitor visitor) throws Exception {
      for (Map.Entry<Tuple2<Long, Long>, Integer> e : maps[kind.ordinal()].entries()) {
        visitor.visit(Math.toIntExact(e.getKey().f0), e.getKey().f1, e.getValue());
      }
    }

    @Override
    boolean isEmpty(PeriodKind kind) throws Exception {
      return maps[kind.ordinal()].isEmpty();
    }

    @Override
    void clear(PeriodKind kind) {
      maps[kind.ordinal()].clear();
    }
  }
}
