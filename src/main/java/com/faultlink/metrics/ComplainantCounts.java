package com.faultlink.metrics;

/**
 * How many complaints each customer made in each open period of one kind, for one scope: (period start as an
 * epoch day, customer number) → complaints. A hash table over three primitive arrays (open addressing, linear
 * probing) instead of a map of boxed pairs.
 *
 * <p>Why not a {@code MapState}: on the heap backend a scope's map is one state entry, and the backend copies an
 * entry whole the first time it is touched while a checkpoint is being written. A province's month holds some
 * 200 000 complainants in its {@code *} scope alone, touched by every complaint, so every checkpoint copied that
 * many map nodes and key objects, which lived long enough to be promoted: most of what the collector moved in a
 * province-month replay. Copying these arrays is three {@code memcpy}s, and a checkpoint writes them in bulk.
 * (On RocksDB the map stays: there a value is read and written whole at every access.)
 *
 * <p>Not thread-safe; the state backend's copy-on-write gives the checkpoint its own copy ({@link #copy()}).
 */
public final class ComplainantCounts {
  private static final int MIN_CAPACITY = 16;
  /** No period starts on this day: a rehash that drops nothing. */
  private static final int NO_DAY = Integer.MIN_VALUE;

  private int[] days;
  private long[] customers;
  /** Complaints of the entry in the slot; 0: the slot is free. */
  private int[] counts;
  private int size;

  public ComplainantCounts() {
    this(MIN_CAPACITY);
  }

  private ComplainantCounts(int capacity) {
    days = new int[capacity];
    customers = new long[capacity];
    counts = new int[capacity];
  }

  /** One entry, as {@link #forEach} hands it out; may throw what its caller's work throws. */
  @FunctionalInterface
  public interface EntryVisitor<E extends Exception> {
    void visit(int periodDay, long customer, int complaints) throws E;
  }

  /** Adds {@code complaints} (at least 1) to the entry; returns its new count. */
  public int add(int periodDay, long customer, int complaints) {
    if (complaints < 1) {
      throw new IllegalArgumentException("complaints " + complaints);
    }
    int mask = counts.length - 1;
    for (int i = slot(periodDay, customer, mask); ; i = (i + 1) & mask) {
      if (counts[i] == 0) {
        days[i] = periodDay;
        customers[i] = customer;
        counts[i] = complaints;
        if (++size * 2 > counts.length) {
          rehash(counts.length * 2, NO_DAY);
        }
        return complaints;
      }
      if (days[i] == periodDay && customers[i] == customer) {
        counts[i] += complaints;
        return counts[i];
      }
    }
  }

  /** The complaints of {@code customer} in the period starting on {@code periodDay}; 0 where none. */
  public int get(int periodDay, long customer) {
    int mask = counts.length - 1;
    for (int i = slot(periodDay, customer, mask); counts[i] != 0; i = (i + 1) & mask) {
      if (days[i] == periodDay && customers[i] == customer) {
        return counts[i];
      }
    }
    return 0;
  }

  /** Forgets every customer of the period starting on {@code periodDay} (once it is reported); returns how many. */
  public int removePeriod(int periodDay) {
    int before = size;
    int kept = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0 && days[i] != periodDay) {
        kept++;
      }
    }
    if (kept != before) {
      rehash(capacityFor(kept), periodDay);
    }
    return before - size;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Every entry, in no particular order. */
  public <E extends Exception> void forEach(EntryVisitor<E> visitor) throws E {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        visitor.visit(days[i], customers[i], counts[i]);
      }
    }
  }

  /** An independent copy: changing one never changes the other. */
  public ComplainantCounts copy() {
    ComplainantCounts c = new ComplainantCounts(0);
    c.days = days.clone();
    c.customers = customers.clone();
    c.counts = counts.clone();
    c.size = size;
    return c;
  }

  /** A table sized for {@code entries} entries, filled through {@link #add}. */
  static ComplainantCounts withRoomFor(int entries) {
    return new ComplainantCounts(capacityFor(entries));
  }

  private static int capacityFor(int entries) {
    int capacity = MIN_CAPACITY;
    while (capacity < entries * 2 + 2) {
      capacity <<= 1;
    }
    return capacity;
  }

  /** Moves every entry not of {@code dropDay} into fresh arrays of {@code capacity} slots. */
  private void rehash(int capacity, int dropDay) {
    int[] oldDays = days;
    long[] oldCustomers = customers;
    int[] oldCounts = counts;
    days = new int[capacity];
    customers = new long[capacity];
    counts = new int[capacity];
    size = 0;
    int mask = capacity - 1;
    for (int j = 0; j < oldCounts.length; j++) {
      if (oldCounts[j] == 0 || oldDays[j] == dropDay) {
        continue;
      }
      int i = slot(oldDays[j], oldCustomers[j], mask);
      while (counts[i] != 0) {
        i = (i + 1) & mask;
      }
      days[i] = oldDays[j];
      customers[i] = oldCustomers[j];
      counts[i] = oldCounts[j];
      size++;
    }
  }

  /**
   * The customer numbers are hashes already (see {@link RegionPeriodAggregator#customerNumber}), but the table
   * uses the low bits of the slot, so the day and the number are mixed (a 64-bit finaliser) before masking.
   */
  private static int slot(int periodDay, long customer, int mask) {
    long h = customer ^ ((long) periodDay * 0x9E3779B97F4A7C15L);
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return (int) (h ^ (h >>> 33)) & mask;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ComplainantCounts other) || other.size != size) {
      return false;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0 && other.get(days[i], customers[i]) != counts[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = size;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        h += Long.hashCode(customers[i] * 31 + days[i]) ^ counts[i]; // order-independent
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return "ComplainantCounts{" + size + " entries, " + counts.length + " slots}";
  }

  /** For tests: the slots, to see that removals shrink the table. */
  int capacity() {
    return counts.length;
  }
}
