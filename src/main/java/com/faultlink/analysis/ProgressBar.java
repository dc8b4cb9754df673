package com.faultlink.analysis;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how far a replay is: events read of the total, the rate and the time left. On a terminal it is one
 * line redrawn in place ({@code \r}); elsewhere (a log file, CI) a plain line every few seconds.
 */
public final class ProgressBar {
  private static final int WIDTH = 28;
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private final String label;
  private final long total;
  private final boolean totalEstimated;
  private final long started = System.nanoTime();

  private long lastRead;
  private long lastAt = started;
  private long lastPlainAt = started;
  private double rate = -1;
  private int lastWidth;
  /** When the first event and the latest new event were seen read: the reading span, start-up and drain left out. */
  private long firstReadAt = -1;
  private long lastGrowthAt = -1;
  private long highest;
  private long firstRead;

  /**
   * @param total events in the input (0: unknown)
   * @param totalEstimated the total is estimated from the input's size (shown with {@code ≈})
   */
  public ProgressBar(PrintStream out, boolean terminal, String label, long total, boolean totalEstimated) {
    this.out = out;
    this.terminal = terminal;
    this.label = label;
    this.total = total;
    this.totalEstimated = totalEstimated;
  }

  /** Whether the process's standard error is a terminal, as the launcher saw it ({@code [ -t 2 ]}). */
  public static boolean stderrIsTerminal() {
    String v = System.getenv("FAULTLINK_TTY");
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  /** Shows {@code read} events read so far. */
  public synchronized void update(long read) {
    long now = System.nanoTime();
    if (read > highest) {
      if (firstReadAt < 0) {
        firstReadAt = now;
        firstRead = read;
      }
      lastGrowthAt = now;
      highest = read;
    }
    double seconds = (now - lastAt) / 1e9;
    if (seconds >= 0.2) {
      double instant = (read - lastRead) / seconds;
      rate = rate < 0 ? instant : 0.6 * rate + 0.4 * instant;
      lastRead = read;
      lastAt = now;
    }
    if (terminal) {
      String line = line(read, now);
      int pad = Math.max(0, lastWidth - line.length());
      out.print("\r" + line + " ".repeat(pad));
      out.flush();
      lastWidth = line.length();
    } else if (now - lastPlainAt >= PLAIN_EVERY_NANOS) {
      lastPlainAt = now;
      out.println(line(read, now));
    }
  }

  /** Ends the bar with the final count and the average rate. */
  public synchronized void finish(long read) {
    out.print(terminal ? "\r" : "");
    String done = summary(read, System.nanoTime());
    if (terminal) {
      out.print(done + " ".repeat(Math.max(0, lastWidth - done.length())) + "\n");
    } else {
      out.println(done);
    }
    out.flush();
  }

  /**
   * The closing line: the whole run's average (start-up and the drain after the last line included) beside the
   * rate while reading, which is what the bar showed; two figures, each saying what it measures.
   */
  synchronized String summary(long read, long now) {
    double seconds = (now - started) / 1e9;
    String whole = String.format(Locale.ROOT, "%s: %,d events in %s (%,.0f events/s over the whole run", label, read,
        clock(Math.round(seconds)), read / Math.max(seconds, 1e-9));
    double reading = (lastGrowthAt - firstReadAt) / 1e9;
    if (firstReadAt < 0 || reading < 1.0) {
      return whole + ")";
    }
    return whole + String.format(Locale.ROOT, ", %,.0f/s while reading)", (highest - firstRead) / reading);
  }

  /** The progress line for {@code read} events at {@code now}. */
  String line(long read, long now) {
    long elapsed = Math.round((now - started) / 1e9);
    StringBuilder s = new StringBuilder(label).append(": ");
    double shown = rate < 0 ? 0 : rate;
    if (total > 0) {
      double fraction = Math.min(1.0, (double) read / total);
      if (terminal) {
        int filled = (int) Math.round(fraction * WIDTH);
        s.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
      }
      s.append(String.format(Locale.ROOT, "%3d%% %,d of %s%,d events, %,.0f/s, %s elapsed", Math.round(fraction * 100),
          read, totalEstimated ? "≈" : "", total, shown, clock(elapsed)));
      if (shown > 0) {
        long left = Math.max(0, Math.round((total - read) / shown));
        s.append(", ").append(read >= total ? "finishing" : "about " + clock(left) + " left");
      }
    } else {
      s.append(String.format(Locale.ROOT, "%,d events, %,.0f/s, %s elapsed", read, shown, clock(elapsed)));
    }
    return s.toString();
  }

  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    long sec = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
  }
}
