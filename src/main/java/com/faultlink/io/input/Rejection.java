package com.faultlink.io.input;

/**
 * Thrown inside the parsers to abandon a line with a reason; caught in their {@code parse} and turned into {@link
 * ParseResult#rejected}. No stack trace: it is control flow on the hot path, not an error.
 */
final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Rejection(String reason) {
    super(reason, null, false, false);
  }

  String reason() {
    return getMessage();
  }
}
