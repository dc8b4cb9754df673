package com.faultlink.io.input;

import static com.faultlink.io.input.JsonEdit.json;
import static com.faultlink.io.input.JsonEdit.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.ConfigLoader;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.Complaint;
import com.faultlink.model.PlannedWork;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Subscriber numbers in text copied from an input into an output are masked, alike for alike, apart for apart. */
class SubscriberMaskTest {
  private static final String SECRET = "mask-test-secret";
  private final CustomerKeyHasher hasher = new CustomerKeyHasher(SECRET);
  private final SubscriberMask mask = SubscriberMask.withDefaultPattern(hasher);

  /** The mask of a national number, derived here from HMAC-SHA256 itself: sub# and the first 8 bytes as letters. */
  static String expectedMask(String secret, String digits) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] h = mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder("sub#");
    for (int i = 0; i < 8; i++) {
      out.append((char) ('a' + ((h[i] >> 4) & 0xf))).append((char) ('a' + (h[i] & 0xf)));
    }
    return out.toString();
  }

  @Test
  void everyNumberIsReplacedByItsKeyedMaskAndTheRestIsKept() throws Exception {
    String m1 = expectedMask(SECRET, "13995000001");
    String m2 = expectedMask(SECRET, "13995000002");
    assertThat(mask.mask("TT-13995000001")).isEqualTo("TT-" + m1);
    assertThat(mask.mask("a 139-9500-0001 b +86 139 9500 0002 c")).isEqualTo("a " + m1 + " b " + m2 + " c");
    assertThat(mask.mask("8613995000001")).isEqualTo(m1);
    assertThat(m1).isNotEqualTo(m2).matches("sub#[a-p]{16}");
  }

  @Test
  void textWithoutANumberIsTheSameObject() {
    String id = "NX-YC-0001-1";
    assertThat(mask.mask(id)).isSameAs(id);
    String longRun = "1399500000123"; // 13 digits: not a subscriber number by the contract's pattern
    assertThat(mask.mask(longRun)).isSameAs(longRun);
    assertThat(mask.mask(null)).isNull();
  }

  @Test
  void aMaskHoldsNoDigitSoMaskingTwiceChangesNothing() {
    String once = mask.mask("region 13995000001 / 18795597980");
    assertThat(once).doesNotContainPattern("[0-9]");
    assertThat(mask.mask(once)).isEqualTo(once);
  }

  @Test
  void aCustomPatternIsUsedAsConfigured() {
    SubscriberMask digits8 = new SubscriberMask("(?<![0-9])[0-9]{8}(?![0-9])", hasher);
    assertThat(digits8.mask("id-12345678")).startsWith("id-sub#").doesNotContain("12345678");
    assertThat(digits8.mask("id-13995000001")).isEqualTo("id-13995000001");
    SubscriberMask letters = new SubscriberMask("secret[a-z]+", hasher);
    assertThat(letters.mask("x-secretabc")).startsWith("x-sub#").doesNotContain("secretabc");
  }

  static final String TICKET = "{\"eventId\":\"ev-9\",\"eventType\":\"TroubleTicketCreateEvent\","
      + "\"eventTime\":\"2026-10-05T08:12:30+08:00\","
      + "\"event\":{\"troubleTicket\":{\"id\":\"TT-13995000001\",\"ticketType\":\"complaint\",\"category\":\"voice\","
      + "\"creationDate\":\"2026-10-05T08:12:00+08:00\","
      + "\"relatedParty\":[{\"role\":\"customer\",\"id\":\"13995000001\"}],"
      + "\"relatedEntity\":[{\"role\":\"servingCell\",\"id\":\"CELL-139 9500 0002\",\"@referredType\":\"Cell\"},"
      + "{\"role\":\"region\",\"id\":\"Yinchuan 13995000003\",\"@referredType\":\"GeographicArea\"}]}}}";

  @Test
  void aComplaintsTicketIdUnknownCellAndRegionAreMasked() throws Exception {
    ComplaintParser parser = new ComplaintParser(ComplaintParserTest.CELLS, hasher, mask);
    Complaint c = parser.parse(TICKET).value();
    assertThat(c.ticketId()).isEqualTo("TT-" + expectedMask(SECRET, "13995000001"));
    assertThat(c.cellId()).isEqualTo("CELL-" + expectedMask(SECRET, "13995000002"));
    assertThat(c.region()).isEqualTo("Yinchuan " + expectedMask(SECRET, "13995000003"));
    assertThat(c.onKnownCell()).isFalse();
    // The same line again: the same complaint (duplicates and joins by ticket id still meet).
    assertThat(parser.parse(TICKET).value()).isEqualTo(c);
    // Another number: another ticket.
    Complaint other = parser.parse(set(TICKET, "event.troubleTicket.id", json("\"TT-13995000009\""))).value();
    assertThat(other.ticketId()).isNotEqualTo(c.ticketId());
  }

  @Test
  void aKnownCellAndItsRegionAreTheTablesTextAndStayAsTheyAre() {
    ComplaintParser parser = new ComplaintParser(ComplaintParserTest.CELLS, hasher, mask);
    String onKnown = set(TICKET, "event.troubleTicket.relatedEntity",
        json("[{\"role\":\"servingCell\",\"id\":\"NX-YC-0001-1\"}]"));
    Complaint c = parser.parse(onKnown).value();
    assertThat(c.cellId()).isEqualTo("NX-YC-0001-1");
    assertThat(c.region()).isEqualTo("Yinchuan");
    assertThat(c.onKnownCell()).isTrue();
  }

  static final String RAISE = "{\"eventId\":\"ev-1\",\"eventType\":\"AlarmCreateEvent\","
      + "\"eventTime\":\"2026-10-05T08:00:00+08:00\",\"event\":{\"alarm\":{\"id\":\"A-13995000001\","
      + "\"alarmType\":\"communicationsAlarm\",\"state\":\"raised\",\"perceivedSeverity\":\"critical\","
      + "\"probableCause\":\"cellOutage\",\"alarmedObject\":{\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
      + "\"alarmRaisedTime\":\"2026-10-05T08:00:00+08:00\",\"sourceSystemId\":\"OMC-18795597980\"}}}";
  static final String CLEAR = "{\"eventId\":\"ev-2\",\"eventType\":\"AlarmClearedEvent\","
      + "\"eventTime\":\"2026-10-05T09:00:00+08:00\",\"event\":{\"alarm\":{\"id\":\"A-13995000001\","
      + "\"alarmClearedTime\":\"2026-10-05T09:00:00+08:00\",\"sourceSystemId\":\"OMC-18795597980\"}}}";

  @Test
  void anAlarmsIdAndSourceSystemAreMaskedAlikeOnRaiseAndClear() throws Exception {
    AlarmParser parser = new AlarmParser(mask);
    AlarmEvent raise = parser.parse(RAISE).value();
    AlarmEvent clear = parser.parse(CLEAR).value();
    assertThat(raise.alarmKey()).isEqualTo(
        "OMC-" + expectedMask(SECRET, "18795597980") + "/A-" + expectedMask(SECRET, "13995000001"));
    assertThat(clear.alarmKey()).isEqualTo(raise.alarmKey());
    assertThat(raise.objectId()).isEqualTo("NX-YC-0001-1");
    // The tree path (not the fast one) masks alike: a line the fast reader leaves to it.
    AlarmEvent slow = parser.parseTree(RAISE).value();
    assertThat(parser.parse(RAISE).value().alarmKey()).isEqualTo(raise.alarmKey());
    assertThat(slow.alarmId()).isEqualTo("A-13995000001"); // parseTree is the unmasked rule set; parse masks
  }

  @Test
  void aWorkIdIsMasked() throws Exception {
    String work = "{\"id\":\"W-13995000001\",\"start\":\"2026-10-06T01:00:00+08:00\","
        + "\"end\":\"2026-10-06T03:00:00+08:00\",\"cells\":[\"NX-YC-0001-1\"],\"regions\":[],\"announced\":true}";
    PlannedWork w = new WorkParser(mask).parse(work).value();
    assertThat(w.workId()).isEqualTo("W-" + expectedMask(SECRET, "13995000001"));
    assertThat(w.cells()).containsExactly("NX-YC-0001-1");
  }

  @Test
  void theDefaultPatternIsTheConfigs() {
    assertThat(Pattern.compile(ConfigLoader.DEFAULT_SUBSCRIBER_PATTERN).matcher("13995000001").find()).isTrue();
  }
}
