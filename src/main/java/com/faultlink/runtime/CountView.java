package com.faultlink.runtime;

import java.util.function.LongSupplier;
import org.apache.flink.metrics.Counter;

/**
 * A Flink counter that shows a count kept elsewhere (by a sink's own sending thread, which may not touch Flink's
 * metric objects): reading it reads the count; the counter's own increments do nothing.
 */
public record CountView(LongSupplier count) implements Counter {
  @Override
  public void inc() {}

  @Override
  public void inc(long n) {}

  @Override
  public void dec() {}

  @Override
  public void dec(long n) {}

  @Override
  public long getCount() {
    return count.getAsLong();
  }
}
