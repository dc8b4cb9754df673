package com.faultlink.model;

/**
 * A rejected input line, kept whole (up to a configured size) so that nothing is lost. The one place a
 * subscriber number may appear: it is a quarantine for operators with access to the inputs.
 *
 * @param source the input it came from: {@code alarms}, {@code complaints} or {@code works}
 * @param reason why it was rejected, for a person
 * @param raw the line as text, invalid UTF-8 replaced, cut at the configured size
 * @param truncated whether {@code raw} was cut
 */
public record DeadLetter(String source, String reason, String raw, boolean truncated) {}
