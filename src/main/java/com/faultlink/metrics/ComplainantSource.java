package com.faultlink.metrics;

import com.faultlink.model.PeriodKind;

/** Complainants per period kind, to move into the store in use ({@link ComplainantStore#absorb}), then forget. */
interface ComplainantSource {
  /** Every entry of {@code kind}. */
  void forEach(PeriodKind kind, ComplainantCounts.EntryVisitor<Exception> visitor) throws Exception;

  boolean isEmpty(PeriodKind kind) throws Exception;

  void clear(PeriodKind kind) throws Exception;
}
