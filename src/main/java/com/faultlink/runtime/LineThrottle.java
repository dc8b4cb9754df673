package com.faultlink.runtime;

import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Passes input lines on at most {@code linesPerSecond} per parallel task ({@code sources.throttleEventsPerSecond}):
 * replays history at a set pace, and gives cluster tests a job that is still running when they act on it.
 * Waiting here backpressures the source, so nothing is dropped or reordered.
 */
public final class LineThrottle extends RichMapFunction<String, String> {
  private static final long serialVersionUID = 1L;

  private final int linesPerSecond;
  private transient Pacer pacer;

  public LineThrottle(int linesPerSecond) {
    this.linesPerSecond = linesPerSecond;
  }

  @Override
  public void open(OpenContext openContext) {
    pacer = new Pacer(linesPerSecond);
  }

  @Override
  public String map(String line) throws InterruptedException {
    long wait = pacer.delayNanosFor(System.nanoTime());
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    return line;
  }
}
