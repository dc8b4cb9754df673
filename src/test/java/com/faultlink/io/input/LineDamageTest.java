package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of damage to a line, against every parser: rejected, with a short printable reason. */
class LineDamageTest {

  static Stream<Named<Function<String, ParseResult<?>>>> parsers() {
    AlarmParser alarms = new AlarmParser();
    ComplaintParser complaints = new ComplaintParser(
        CellTable.of(List.of(new Cell("NX-YC-0001-1", "NX-YC-0001", "Yinchuan", "4G", 38.48, 106.23))),
        new CustomerKeyHasher("test-secret"));
    WorkParser works = new WorkParser();
    Function<String, ParseResult<?>> a = alarms::parse;
    Function<String, ParseResult<?>> c = complaints::parse;
    Function<String, ParseResult<?>> w = works::parse;
    return Stream.of(Named.of("alarms", a), Named.of("complaints", c), Named.of("works", w));
  }

  static Stream<Arguments> damage() {
    String raise = AlarmParserTest.RAISE;
    return Stream.of(
        Arguments.of("", "empty line"),
        Arguments.of("   \t", "empty line"),
        Arguments.of(null, "empty line"),
        Arguments.of(raise.substring(0, 57), "not valid JSON: unexpected end of input at line 1 column 58"),
        Arguments.of(raise.substring(0, raise.length() - 1), "not valid JSON: unexpected end of input"),
        Arguments.of("{", "not valid JSON: unexpected end of input at line 1 column 2"),
        Arguments.of("[" + raise + "]", "not a JSON object but an array"),
        Arguments.of("[]", "not a JSON object but an array"),
        Arguments.of("\"AlarmCreateEvent\"", "not a JSON object but a string"),
        Arguments.of("42", "not a JSON object but a number"),
        Arguments.of("true", "not a JSON object but a boolean"),
        Arguments.of("null", "not a JSON object but null"),
        Arguments.of(raise + raise, "not valid JSON: more content after the JSON object"),
        Arguments.of(raise + " x", "not valid JSON: unrecognized token 'x'"),
        Arguments.of(raise + "}", "not valid JSON: unexpected close marker"),
        Arguments.of("\uFEFF" + raise, "not valid JSON: the line starts with a byte-order mark"),
        Arguments.of("{'eventId':'ev-1'}", "not valid JSON: unexpected character"),
        Arguments.of("{\"eventId\":\"ev-1\",}", "not valid JSON: unexpected character"),
        Arguments.of("{\"eventId\":\"ev\u0001-1\"}", "not valid JSON: illegal unquoted character ((CTRL-CHAR, code 1))"),
        Arguments.of("\u0000\u0001\u0002\u0003", "not valid JSON: illegal character ((CTRL-CHAR, code 0))"),
        Arguments.of("{\"eventId\":[1}", "not valid JSON: unexpected close marker '}': expected ']' at line 1 column 14"),
        Arguments.of("{\"eventId\":+1}", "not valid JSON: unexpected character ('+' (code 43)) in numeric value: "
            + "JSON spec does not allow numbers to have plus signs at line 1 column 13"),
        Arguments.of(garbage(1, 64), "not valid JSON"),
        Arguments.of("PK\u0003\u0004\u0014\u0000\u0008\u0000", "not valid JSON: unrecognized token 'PK?"));
  }

  /** Random bytes decoded as UTF-8 with replacement, as a text source would hand them over. */
  static String garbage(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    bytes[0] = (byte) 0x89; // never accidentally a '{'
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static Stream<Arguments> parsersAndDamage() {
    return parsers().flatMap(p -> damage().map(d -> Arguments.of(p, d.get()[0], d.get()[1])));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("parsersAndDamage")
  void damagedLinesAreRejectedWithAReadableReason(Function<String, ParseResult<?>> parser, String line,
      String reason) {
    ParseResult<?> r = parser.apply(line);
    assertThat(r.isRejected()).as("%s", r).isTrue();
    assertThat(r.reason()).startsWith(reason);
    assertReadable(r.reason());
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void binaryGarbageIsAlwaysRejectedAndNeverEchoed(Function<String, ParseResult<?>> parser) {
    for (int seed = 0; seed < 500; seed++) {
      String line = garbage(seed, 16 + seed % 400);
      ParseResult<?> r = parser.apply(line);
      assertThat(r.isRejected()).as("seed %d: %s", seed, r).isTrue();
      assertThat(r.reason()).startsWith("not valid JSON: ");
      assertReadable(r.reason());
    }
  }

  @ParameterizedTest
  @MethodSource("parsers")
  void aHugeBadTokenIsNotEchoedAtLength(Function<String, ParseResult<?>> parser) {
    ParseResult<?> r = parser.apply("{\"eventId\":" + "x".repeat(5000) + "}");
    assertThat(r.isRejected()).isTrue();
    assertThat(r.reason().length()).isLessThanOrEqualTo(ParseResult.MAX_REASON_LENGTH);
    assertReadable(r.reason());
  }

  static void assertReadable(String reason) {
    assertThat(reason).isNotBlank().hasSizeLessThanOrEqualTo(300);
    assertThat(Character.isLowerCase(reason.charAt(0))).as(reason).isTrue();
    assertThat(reason.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)))
        .as("printable: %s", reason).isTrue();
    assertThat(reason).doesNotContain("REDACTED").doesNotContain("Source:").doesNotContain("Feature");
  }
}
