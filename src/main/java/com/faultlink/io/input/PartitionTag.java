package com.faultlink.io.input;

/**
 * Which Kafka partition a line was read from, carried on the line itself from the deserializer to {@link
 * ParseLines}, so that lateness is judged per partition as the contract says ("the greatest domain time of the
 * earlier lines of the same file or Kafka partition"): one source reader reads several partitions interleaved, and
 * a partition read behind another must not make its own lines late.
 *
 * <p>The tag is {@code \uDC01<partition>\uDC01} before the line: like {@link OversizedLine}'s mark, a lone low
 * surrogate can never come out of UTF-8 decoding, so no input line can pass for a tagged one. Every operator that
 * reads a line's text strips it first ({@link #line}).
 */
public final class PartitionTag {
  static final char MARK = '\uDC01';

  /** The lane of lines that carry no tag (a file, tests): one lane. */
  public static final int UNTAGGED = -1;

  private PartitionTag() {}

  public static String tag(int partition, String line) {
    return MARK + Integer.toString(partition) + MARK + line;
  }

  public static boolean isTagged(String line) {
    return line != null && !line.isEmpty() && line.charAt(0) == MARK;
  }

  /** The partition a tagged line was read from, else {@link #UNTAGGED}. */
  public static int partition(String line) {
    return isTagged(line) ? Integer.parseInt(line, 1, line.indexOf(MARK, 1), 10) : UNTAGGED;
  }

  /** The line without its tag. */
  public static String line(String line) {
    return isTagged(line) ? line.substring(line.indexOf(MARK, 1) + 1) : line;
  }
}
