package com.faultlink.io.input;

import static com.faultlink.io.input.JsonEdit.json;
import static com.faultlink.io.input.JsonEdit.remove;
import static com.faultlink.io.input.JsonEdit.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.Category;
import com.faultlink.model.Complaint;
import com.faultlink.reference.Cell;
import com.faultlink.reference.CellTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplaintParserTest {
  static final String NUMBER = "13995000001";

  static final String TICKET = "{\"eventId\":\"ev-9\",\"eventType\":\"TroubleTicketCreateEvent\","
      + "\"eventTime\":\"2011-09-05T08:12:30+08:00\","
      + "\"event\":{\"troubleTicket\":{\"id\":\"TT-9\",\"ticketType\":\"complaint\",\"category\":\"voice\","
      + "\"creationDate\":\"2011-09-05T08:12:00+08:00\",\"severity\":\"minor\",\"channel\":{\"name\":\"hotline\"},"
      + "\"relatedParty\":[{\"role\":\"customer\",\"id\":\"" + NUMBER + "\"}],"
      + "\"relatedEntity\":[{\"role\":\"servingCell\",\"id\":\"NX-YC-0001-1\",\"@referredType\":\"Cell\"},"
      + "{\"role\":\"region\",\"id\":\"Yinchuan\",\"@referredType\":\"GeographicArea\"}]}}}";

  static final CellTable CELLS = CellTable.of(List.of(
      new Cell("NX-YC-0001-1", "NX-YC-0001", "Yinchuan", "4G", 38.48, 106.23),
      new Cell("NX-SZ-0002-1", "NX-SZ-0002", "Shizuishan", "5G", 39.01, 106.38)));

  private final CustomerKeyHasher hasher = new CustomerKeyHasher("test-secret");
  private final ComplaintParser parser = new ComplaintParser(CELLS, hasher);

  private static String entities(String json) {
    return set(TICKET, "event.troubleTicket.relatedEntity", json(json));
  }

  private static String parties(String json) {
    return set(TICKET, "event.troubleTicket.relatedParty", json(json));
  }

  private Complaint accepted(String line) {
    ParseResult<Complaint> r = parser.parse(line);
    assertThat(r.isAccepted()).as("%s", r).isTrue();
    return r.value();
  }

  private String rejection(String line) {
    ParseResult<Complaint> r = parser.parse(line);
    assertThat(r.isRejected()).as("%s", r).isTrue();
    assertThat(r.reason()).doesNotContain(NUMBER);
    return r.reason();
  }

  @Test
  void readsAComplaint() {
    assertThat(accepted(TICKET)).isEqualTo(new Complaint("ev-9", "TT-9",
        Instant.parse("2011-09-05T00:12:00Z").toEpochMilli(), Category.VOICE, "NX-YC-0001-1", true, "Yinchuan",
        hasher.keyOf(NUMBER), Instant.parse("2011-09-05T00:12:30Z").toEpochMilli(), "hotline", "minor"));
  }

  @Test
  void aMissingOrMalformedChannelOrSeverityIsNoneNotARejection() {
    Complaint c = accepted(set(set(TICKET, "event.troubleTicket.channel", "hotline"),
        "event.troubleTicket.severity", 3));
    assertThat(c.channel()).isNull();
    assertThat(c.severity()).isNull();
  }

  @Test
  void aChannelNameCarryingASubscriberNumberIsMasked() {
    Complaint c = accepted(set(TICKET, "event.troubleTicket.channel", json("{\"name\":\"call " + NUMBER + "\"}")));
    assertThat(c.channel()).startsWith("call ").doesNotContain(NUMBER);
  }


  // ---------------------------------------------------------------------------------- ticket lifecycle

  private final ComplaintParser lifecycle = new ComplaintParser(CELLS, hasher, SubscriberMask.withDefaultPattern(hasher),
      true);

  static final String STATUS = "{\"eventId\":\"ev-31\",\"eventType\":\"TroubleTicketStatusChangeEvent\","
      + "\"eventTime\":\"2011-09-05T10:02:00+08:00\",\"event\":{\"troubleTicket\":{\"id\":\"TT-9\","
      + "\"status\":\"resolved\",\"statusChangeDate\":\"2011-09-05T10:02:00+08:00\"}}}";

  static final String RESOLVED = "{\"eventId\":\"ev-32\",\"eventType\":\"TroubleTicketResolvedEvent\","
      + "\"eventTime\":\"2011-09-05T10:05:00+08:00\",\"event\":{\"troubleTicket\":{\"id\":\"TT-9\","
      + "\"resolutionDate\":\"2011-09-05T10:04:00+08:00\"}}}";

  @Test
  void withoutTheLifecycleStatusEventsAreSkippedAndCounted() {
    for (String line : List.of(STATUS, RESOLVED)) {
      ParseResult<Complaint> r = parser.parse(line);
      assertThat(r.isSkipped()).isTrue();
      assertThat(r.reason()).contains("tickets.lifecycle is off");
    }
  }

  @Test
  void readsAStatusChangeAndAResolutionAtTheirStatusTimes() {
    ParseResult<Complaint> s = lifecycle.parse(STATUS);
    assertThat(s.isAccepted()).as("%s", s).isTrue();
    assertThat(s.value().isStatusChange()).isTrue();
    assertThat(s.value().ticketId()).isEqualTo("TT-9");
    assertThat(s.value().time()).isEqualTo(Instant.parse("2011-09-05T02:02:00Z").toEpochMilli());
    assertThat(s.value().statusChange().status()).isEqualTo("resolved");
    assertThat(s.value().statusChange().timeField()).isEqualTo("statusChangeDate");
    Complaint r = lifecycle.parse(RESOLVED).value();
    assertThat(r.time()).as("resolutionDate, not eventTime").isEqualTo(Instant.parse("2011-09-05T02:04:00Z")
        .toEpochMilli());
    assertThat(r.statusChange().resolves()).isTrue();
    assertThat(r.statusChange().timeField()).isEqualTo("resolutionDate");
    assertThat(lifecycle.parse(TICKET).value().isStatusChange()).as("a creation stays a complaint").isFalse();
  }

  @Test
  void aStatusChangeWithoutItsFieldsIsRejectedWithAReasonAndItsTicketIdIsMasked() {
    assertThat(lifecycle.parse(remove(STATUS, "event.troubleTicket.status")).reason())
        .contains("event.troubleTicket.status");
    assertThat(lifecycle.parse(remove(STATUS, "event.troubleTicket.statusChangeDate")).reason())
        .contains("statusChangeDate");
    assertThat(lifecycle.parse(remove(RESOLVED, "event.troubleTicket.resolutionDate")).reason())
        .contains("resolutionDate");
    assertThat(lifecycle.parse(remove(STATUS, "event.troubleTicket.id")).isRejected()).isTrue();
    Complaint masked = lifecycle.parse(set(STATUS, "event.troubleTicket.id", "TT-" + NUMBER)).value();
    assertThat(masked.ticketId()).doesNotContain(NUMBER).startsWith("TT-sub#");
  }

  @Test
  void severityIsKeptAndNeverRejectsAComplaint() {
    assertThat(accepted(remove(TICKET, "event.troubleTicket.severity")).severity()).isNull();
    assertThat(accepted(set(TICKET, "event.troubleTicket.severity", json("3"))).severity()).isNull();
    assertThat(accepted(set(TICKET, "event.troubleTicket.severity", "critical")).severity()).isEqualTo("critical");
  }

  @Test
  void itsTimeIsTheCreationDateNotTheEventTime() {
    Complaint c = accepted(set(TICKET, "event.troubleTicket.creationDate", "2011-09-05T07:00Z"));
    assertThat(c.time()).isEqualTo(Instant.parse("2011-09-05T07:00:00Z").toEpochMilli());
  }

  @Test
  void aKnownCellGivesItsRegionFromTheTableWhateverTheRegionEntitySays() {
    Complaint c = accepted(entities("[{\"role\":\"servingCell\",\"id\":\"NX-SZ-0002-1\"},"
        + "{\"role\":\"region\",\"id\":\"Yinchuan\"}]"));
    assertThat(c.cellId()).isEqualTo("NX-SZ-0002-1");
    assertThat(c.onKnownCell()).isTrue();
    assertThat(c.region()).isEqualTo("Shizuishan");
  }

  @Test
  void aKnownCellAloneIsEnough() {
    Complaint c = accepted(entities("[{\"role\":\"servingCell\",\"id\":\"NX-YC-0001-1\"}]"));
    assertThat(c.region()).isEqualTo("Yinchuan");
    assertThat(c.onKnownCell()).isTrue();
  }

  @Test
  void anUnknownCellKeepsItsNameAndTheRegionEntity() {
    Complaint c = accepted(entities("[{\"role\":\"servingCell\",\"id\":\"NX-XX-9999-9\"},"
        + "{\"role\":\"region\",\"id\":\"Guyuan\"}]"));
    assertThat(c.cellId()).isEqualTo("NX-XX-9999-9");
    assertThat(c.onKnownCell()).isFalse();
    assertThat(c.region()).isEqualTo("Guyuan");
  }

  @Test
  void aRegionAloneIsEnough() {
    Complaint c = accepted(entities("[{\"role\":\"region\",\"id\":\"Guyuan\"}]"));
    assertThat(c.cellId()).isNull();
    assertThat(c.onKnownCell()).isFalse();
    assertThat(c.region()).isEqualTo("Guyuan");
  }

  @Test
  void anUnknownCellWithoutRegionIsRejected() {
    assertThat(rejection(entities("[{\"role\":\"servingCell\",\"id\":\"NX-XX-9999-9\"}]")))
        .isEqualTo("event.troubleTicket names no known cell and no region "
            + "(servingCell 'NX-XX-9999-9' is not in the cell table)");
    assertThat(rejection(entities("[{\"role\":\"servingCell\",\"id\":\"NX-XX-9999-9\"},"
        + "{\"role\":\"region\",\"id\":\"\"}]"))).startsWith("event.troubleTicket names no known cell and no region");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{}", "\"Yinchuan\"", "null", "[5, \"x\", null]", "[{\"id\":\"NX-YC-0001-1\"}]",
      "[{\"role\":\"servingcell\",\"id\":\"NX-YC-0001-1\"}]", "[{\"role\":\"region\",\"id\":null}]",
      "[{\"role\":\"region\",\"id\":false}]", "[{\"role\":\"region\",\"id\":0}]", "[{\"role\":\"region\",\"id\":[]}]",
      "[{\"role\":\"servingCell\",\"id\":5}]", "[{\"role\":\"servingCell\",\"id\":\"\"}]"})
  void aComplaintThatNamesNeitherIsRejected(String relatedEntity) {
    assertThat(rejection(entities(relatedEntity))).isEqualTo("event.troubleTicket names no known cell and no region");
    assertThat(rejection(remove(TICKET, "event.troubleTicket.relatedEntity")))
        .isEqualTo("event.troubleTicket names no known cell and no region");
  }

  @Test
  void theLastEntityOfARoleCountsAsInTheChecker() {
    Complaint c = accepted(entities("[{\"role\":\"servingCell\",\"id\":\"NX-XX-9999-9\"},"
        + "{\"role\":\"servingCell\",\"id\":\"NX-YC-0001-1\"}]"));
    assertThat(c.cellId()).isEqualTo("NX-YC-0001-1");
    assertThat(rejection(entities("[{\"role\":\"region\",\"id\":\"Guyuan\"},{\"role\":\"region\"}]")))
        .startsWith("event.troubleTicket names no known cell and no region");
  }

  @Test
  void aRegionIdTheCheckerFindsTruthyIsAcceptedAsText() {
    // The checker accepts a complaint whose region id is any truthy JSON value; so do we, to agree on the count.
    assertThat(accepted(entities("[{\"role\":\"region\",\"id\":5}]")).region()).isEqualTo("5");
    assertThat(accepted(entities("[{\"role\":\"region\",\"id\":true}]")).region()).isEqualTo("true");
    assertThat(accepted(entities("[{\"role\":\"region\",\"id\":[\"a\"]}]")).region()).isEqualTo("[\"a\"]");
    assertThat(accepted(entities("[{\"role\":\"region\",\"id\":\" \"}]")).region()).isEqualTo(" ");
  }

  @ParameterizedTest
  @CsvSource({"voice, VOICE", "data, DATA", "messaging, MESSAGING", "other, OTHER", "VOICE, VOICE",
      "' Data ', DATA", "sms, OTHER", "'', OTHER"})
  void readsTheCategory(String text, Category expected) {
    assertThat(accepted(set(TICKET, "event.troubleTicket.category", text)).category()).isEqualTo(expected);
  }

  @Test
  void aMissingNullOrNonStringCategoryIsOther() {
    assertThat(accepted(remove(TICKET, "event.troubleTicket.category")).category()).isEqualTo(Category.OTHER);
    assertThat(accepted(set(TICKET, "event.troubleTicket.category", null)).category()).isEqualTo(Category.OTHER);
    assertThat(accepted(set(TICKET, "event.troubleTicket.category", 3)).category()).isEqualTo(Category.OTHER);
    assertThat(accepted(set(TICKET, "event.troubleTicket.category", json("{\"name\":\"voice\"}"))).category())
        .isEqualTo(Category.OTHER);
  }

  @Test
  void hashesTheFirstCustomerPartyWithAStringId() {
    String key = hasher.keyOf(NUMBER);
    assertThat(accepted(TICKET).customerKey()).isEqualTo(key).hasSize(16).doesNotContain(NUMBER);
    assertThat(accepted(parties("[{\"role\":\"agent\",\"id\":\"13800000000\"},"
        + "{\"role\":\"customer\",\"id\":5},{\"role\":\"customer\",\"id\":\"+86 139-9500-0001\"},"
        + "{\"role\":\"customer\",\"id\":\"13800000000\"}]")).customerKey()).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{}", "\"" + NUMBER + "\"", "null", "[5]", "[{\"role\":\"customer\"}]",
      "[{\"role\":\"customer\",\"id\":13995000001}]", "[{\"role\":\"customer\",\"id\":\"anonymous\"}]",
      "[{\"role\":\"agent\",\"id\":\"13995000001\"}]"})
  void noUsableCustomerMeansNoKeyNotARejection(String relatedParty) {
    assertThat(accepted(parties(relatedParty)).customerKey()).isNull();
    assertThat(accepted(remove(TICKET, "event.troubleTicket.relatedParty")).customerKey()).isNull();
  }

  @Test
  void sameNumberSameKeyWhateverItsSpelling() {
    String a = accepted(parties("[{\"role\":\"customer\",\"id\":\"13995000001\"}]")).customerKey();
    String b = accepted(parties("[{\"role\":\"customer\",\"id\":\"+86 139 9500 0001\"}]")).customerKey();
    String c = accepted(parties("[{\"role\":\"customer\",\"id\":\"139-9500-0001\"}]")).customerKey();
    String d = accepted(parties("[{\"role\":\"customer\",\"id\":\"13995000002\"}]")).customerKey();
    assertThat(a).isEqualTo(b).isEqualTo(c).isNotEqualTo(d);
  }

  @Test
  void noRejectionReasonEverQuotesTheSubscriberNumber() {
    List<String> lines = new ArrayList<>();
    lines.add(remove(TICKET, "event.troubleTicket.creationDate"));
    lines.add(set(TICKET, "event.troubleTicket.creationDate", NUMBER));
    lines.add(set(TICKET, "event.troubleTicket.id", 13995000001L));
    lines.add(entities("[{\"role\":\"servingCell\",\"id\":\"X\"}]"));
    lines.add(set(TICKET, "eventId", ""));
    lines.add(TICKET.substring(0, TICKET.indexOf(NUMBER) + NUMBER.length()));
    lines.add(TICKET.replace("\"" + NUMBER + "\"", NUMBER + "x"));
    lines.add(TICKET.replace("\"" + NUMBER + "\"", "tel:" + NUMBER));
    lines.add(TICKET.replace("\"" + NUMBER + "\"", "x" + NUMBER));
    lines.add(TICKET.replace("\"" + NUMBER + "\"", "+86 139-9500-0001"));
    lines.add(TICKET.replace("\"" + NUMBER + "\"", "0" + NUMBER));
    lines.add(TICKET.replace("\"" + NUMBER + "\"", "\"" + NUMBER + "\u0001\""));
    lines.add(TICKET.replace("\"" + NUMBER + "\"", "\"" + NUMBER + "\\q\""));
    lines.add(TICKET.replace("\"" + NUMBER + "\"", "[" + NUMBER + "}"));
    lines.add(TICKET.replace("[{\"role\":\"customer\"", "[{\"role\":\"customer\",\"n\":" + NUMBER + "a"));
    for (String line : lines) {
      ParseResult<Complaint> r = parser.parse(line);
      assertThat(r.isRejected()).as("%s for %s", r, line).isTrue();
      String digits = r.reason().replaceAll("\\D", "");
      assertThat(digits).as(r.reason()).doesNotContain(NUMBER).doesNotContain("9500");
    }
  }

  @Test
  void otherTroubleTicketEventsAreSkipped() {
    ParseResult<Complaint> r = parser.parse(set(TICKET, "eventType", "TroubleTicketStateChangeEvent"));
    assertThat(r.isSkipped()).isTrue();
    assertThat(r.reason()).isEqualTo("unhandled event type 'TroubleTicketStateChangeEvent'");
    assertThat(parser.parse(set(TICKET, "eventType", "AlarmCreateEvent")).isSkipped()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "event | \"x\" | event is a string, expected an object",
        "event.troubleTicket | [] | event.troubleTicket is an array, expected an object",
        "event.troubleTicket.id | 9 | event.troubleTicket.id is a number, expected a non-empty string",
        "event.troubleTicket.id | \"\" | event.troubleTicket.id is empty",
        "event.troubleTicket.creationDate | 1315181520 | "
            + "event.troubleTicket.creationDate is a number, expected a timestamp string",
        "event.troubleTicket.creationDate | \"2011-09-05\" | "
            + "event.troubleTicket.creationDate '2011-09-05' is not an ISO-8601 timestamp with an offset",
        "event.troubleTicket.creationDate | \"2011-02-29T08:12Z\" | "
            + "event.troubleTicket.creationDate '2011-02-29T08:12Z' is not an ISO-8601 timestamp with an offset",
        "eventTime | \"2011-09-05T08:12:30\" | eventTime '2011-09-05T08:12:30' is not an ISO-8601 timestamp",
        "eventId | 9 | eventId is a number, expected a non-empty string",
      })
  void rejectsABrokenTicketNamingTheField(String path, String value, String reason) {
    assertThat(rejection(set(TICKET, path, json(value)))).startsWith(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"event", "event.troubleTicket", "event.troubleTicket.id", "event.troubleTicket.creationDate"})
  void rejectsATicketWithoutARequiredField(String path) {
    assertThat(rejection(remove(TICKET, path))).isEqualTo(path + " is missing");
  }

  @Test
  void toleratesNaNLikeTheCheckersPython() {
    assertThat(accepted(TICKET.replace("\"minor\"", "NaN")).ticketId()).isEqualTo("TT-9");
  }

  @Test
  void isSerializableWithItsTableAndHasher() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(parser);
    }
    ComplaintParser copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ComplaintParser) in.readObject();
    }
    assertThat(copy.parse(TICKET)).isEqualTo(parser.parse(TICKET));
  }
}
