package com.faultlink.io.input;

import com.faultlink.io.Reasons;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of one input line: an accepted value, a skip (an event type the contract does not name or names as
 * ignored: counted, not rejected), or a rejection with a reason a person understands (it goes to {@code
 * dead-letters}).
 *
 * <p>Immutable. Reasons are kept printable (control and other invisible characters become {@code ?}) and at most
 * {@link #MAX_REASON_LENGTH} characters long.
 *
 * @param <T> the accepted value's type
 */
public final class ParseResult<T> {
  /** The longest reason kept; longer ones are cut and end in an ellipsis. */
  public static final int MAX_REASON_LENGTH = 300;

  /** The three outcomes. */
  public enum Status {
    ACCEPTED,
    SKIPPED,
    REJECTED
  }

  private final Status status;
  private final T value;
  private final String reason;

  private ParseResult(Status status, T value, String reason) {
    this.status = status;
    this.value = value;
    this.reason = reason;
  }

  /** An accepted value (never null). */
  public static <T> ParseResult<T> accepted(T value) {
    return new ParseResult<>(Status.ACCEPTED, Objects.requireNonNull(value, "value"), null);
  }

  /** A line that is well-formed enough but carries nothing this input uses: counted, not rejected. */
  public static <T> ParseResult<T> skipped(String reason) {
    return new ParseResult<>(Status.SKIPPED, null, Reasons.printable(reason, MAX_REASON_LENGTH));
  }

  /** A line that breaks the contract: it goes to {@code dead-letters} with this reason. */
  public static <T> ParseResult<T> rejected(String reason) {
    return new ParseResult<>(Status.REJECTED, null, Reasons.printable(reason, MAX_REASON_LENGTH));
  }

  public Status status() {
    return status;
  }

  public boolean isAccepted() {
    return status == Status.ACCEPTED;
  }

  public boolean isSkipped() {
    return status == Status.SKIPPED;
  }

  public boolean isRejected() {
    return status == Status.REJECTED;
  }

  /**
   * The accepted value.
   *
   * @throws IllegalStateException when the line was skipped or rejected
   */
  public T value() {
    if (status != Status.ACCEPTED) {
      throw new IllegalStateException(
          "no value: the line was " + status.name().toLowerCase(Locale.ROOT) + ": " + reason);
    }
    return value;
  }

  /** Why the line was skipped or rejected; null when it was accepted. */
  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ParseResult)) {
      return false;
    }
    ParseResult<?> other = (ParseResult<?>) o;
    return status == other.status && Objects.equals(value, other.value) && Objects.equals(reason, other.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, value, reason);
  }

  @Override
  public String toString() {
    return status == Status.ACCEPTED
        ? "accepted(" + value + ")"
        : status.name().toLowerCase(Locale.ROOT) + "(" + reason + ")";
  }
}
