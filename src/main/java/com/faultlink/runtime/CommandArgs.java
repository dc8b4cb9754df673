package com.faultlink.runtime;

/**
 * Command-line values read with messages in plain words ("--parallelism takes a whole number of 1 or more, not
 * 'two'"), not a parser's ({@code For input string: "two"}). Every error is an {@link IllegalArgumentException}
 * whose message the tools print after their name, followed by their usage.
 */
public final class CommandArgs {
  private CommandArgs() {}

  /** The value after option {@code args[i]}. */
  public static String valueAfter(String[] args, int i) {
    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
      throw new IllegalArgumentException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  public static long wholeNumber(String option, String value, long min) {
    try {
      long n = Long.parseLong(value.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(option + " takes a whole number of " + min + " or more, not '" + value + "'");
  }

  public static double number(String option, String value, double min) {
    try {
      double d = Double.parseDouble(value.trim());
      if (d >= min && Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(option + " takes a number of " + (min == Math.rint(min) ? Long.toString(
        (long) min) : Double.toString(min)) + " or more, not '" + value + "'");
  }
}
