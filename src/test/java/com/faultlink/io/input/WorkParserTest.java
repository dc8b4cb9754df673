package com.faultlink.io.input;

import static com.faultlink.io.input.JsonEdit.json;
import static com.faultlink.io.input.JsonEdit.remove;
import static com.faultlink.io.input.JsonEdit.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.PlannedWork;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkParserTest {
  static final String WORK = "{\"id\":\"W-3\",\"start\":\"2011-09-06T01:00:00+08:00\","
      + "\"end\":\"2011-09-06T03:00:00+08:00\",\"cells\":[\"NX-YC-0001-1\",\"NX-YC-0001-2\"],"
      + "\"regions\":[\"Guyuan\"],\"announced\":true}";

  private final WorkParser parser = new WorkParser();

  private PlannedWork accepted(String line) {
    ParseResult<PlannedWork> r = parser.parse(line);
    assertThat(r.isAccepted()).as("%s", r).isTrue();
    return r.value();
  }

  private String rejection(String line) {
    ParseResult<PlannedWork> r = parser.parse(line);
    assertThat(r.isRejected()).as("%s", r).isTrue();
    return r.reason();
  }

  @Test
  void readsAWork() {
    assertThat(accepted(WORK)).isEqualTo(new PlannedWork("W-3",
        Instant.parse("2011-09-05T17:00:00Z").toEpochMilli(), Instant.parse("2011-09-05T19:00:00Z").toEpochMilli(),
        List.of("NX-YC-0001-1", "NX-YC-0001-2"), List.of("Guyuan"), true));
  }

  @Test
  void missingOrNullListsAreEmptyAndMissingAnnouncedIsTrue() {
    PlannedWork w = accepted(remove(set(remove(WORK, "cells"), "regions", null), "announced"));
    assertThat(w.cells()).isEmpty();
    assertThat(w.regions()).isEmpty();
    assertThat(w.announced()).isTrue();
    assertThat(accepted(set(WORK, "announced", null)).announced()).isTrue();
    assertThat(accepted(set(WORK, "announced", false)).announced()).isFalse();
  }

  @Test
  void ignoresUnknownFields() {
    assertThat(accepted(set(WORK, "ticket", "CHG-1")).workId()).isEqualTo("W-3");
  }

  @Test
  void endMustBeAfterStart() {
    assertThat(rejection(set(WORK, "end", "2011-09-06T01:00:00+08:00")))
        .isEqualTo("end '2011-09-06T01:00:00+08:00' is not after start '2011-09-06T01:00:00+08:00'");
    assertThat(rejection(set(WORK, "end", "2011-09-05T17:00Z"))).startsWith("end '2011-09-05T17:00Z' is not after");
    // The same instant written in another offset is not after it either.
    assertThat(rejection(set(WORK, "end", "2011-09-05T17:00:00Z"))).contains("is not after start");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "start", "end"})
  void rejectsAWorkWithoutARequiredField(String field) {
    assertThat(rejection(remove(WORK, field))).isEqualTo(field + " is missing");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "id | 3 | id is a number, expected a non-empty string",
        "id | \"\" | id is empty",
        "start | 1315242000 | start is a number, expected a timestamp string",
        "start | \"2011-09-06 01:00\" | start '2011-09-06 01:00' is not an ISO-8601 timestamp with an offset",
        "end | \"2011-09-31T03:00:00+08:00\" | end '2011-09-31T03:00:00+08:00' is not an ISO-8601 timestamp",
        "cells | \"NX-YC-0001-1\" | cells is a string, expected an array of strings",
        "cells | [\"NX-YC-0001-1\", 5] | cells[1] is a number, expected a non-empty string",
        "regions | [\"\"] | regions[0] is empty",
        "regions | {} | regions is an object, expected an array of strings",
        "announced | \"yes\" | announced is a string, expected a boolean",
        "announced | 1 | announced is a number, expected a boolean",
      })
  void rejectsAFieldOfTheWrongTypeNamingIt(String field, String value, String reason) {
    assertThat(rejection(set(WORK, field, json(value)))).startsWith(reason);
  }
}
