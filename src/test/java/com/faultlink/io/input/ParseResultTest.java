package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParseResultTest {

  @Test
  void acceptedCarriesItsValue() {
    ParseResult<String> r = ParseResult.accepted("x");
    assertThat(r.isAccepted()).isTrue();
    assertThat(r.isSkipped()).isFalse();
    assertThat(r.isRejected()).isFalse();
    assertThat(r.status()).isEqualTo(ParseResult.Status.ACCEPTED);
    assertThat(r.value()).isEqualTo("x");
    assertThat(r.reason()).isNull();
    assertThat(r).isEqualTo(ParseResult.accepted("x")).hasSameHashCodeAs(ParseResult.accepted("x"));
  }

  @Test
  void skippedAndRejectedCarryAReasonAndNoValue() {
    ParseResult<String> s = ParseResult.skipped("ignored event type AlarmDeleteEvent");
    assertThat(s.isSkipped()).isTrue();
    assertThat(s.isAccepted() || s.isRejected()).isFalse();
    assertThat(s.reason()).isEqualTo("ignored event type AlarmDeleteEvent");
    assertThatThrownBy(s::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("skipped");

    ParseResult<String> r = ParseResult.rejected("missing eventId");
    assertThat(r.isRejected()).isTrue();
    assertThat(r.isAccepted() || r.isSkipped()).isFalse();
    assertThat(r.reason()).isEqualTo("missing eventId");
    assertThat(r).hasToString("rejected(missing eventId)");
    assertThatThrownBy(r::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("missing eventId");
  }

  @Test
  void acceptedNeedsAValue() {
    assertThatThrownBy(() -> ParseResult.accepted(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void reasonsArePrintableAndShort() {
    ParseResult<Object> r = ParseResult.rejected("bad \u0000\u0007\n\t\u200b\u2028\ud800 char " + "y".repeat(1000));
    assertThat(r.reason()).startsWith("bad ??????? char y").hasSizeLessThanOrEqualTo(ParseResult.MAX_REASON_LENGTH);
    assertThat(r.reason()).endsWith("\u2026");
    assertThat(ParseResult.rejected("caf\u00e9 \u4e2d\u6587 \ud83d\ude00").reason()).isEqualTo("caf\u00e9 \u4e2d\u6587 \ud83d\ude00");
  }
}
