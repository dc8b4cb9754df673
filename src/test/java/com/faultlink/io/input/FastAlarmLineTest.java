package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.model.AlarmEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alarm parser's fast path accepts exactly what the tree parser accepts, as the same event, or defers. */
class FastAlarmLineTest {
  private final AlarmParser parser = new AlarmParser();

  private void agrees(String line) {
    ParseResult<AlarmEvent> tree = parser.parseTree(line);
    AlarmEvent fast = FastAlarmLine.tryRead(line);
    if (fast != null) {
      assertThat(tree.isAccepted()).as("tree accepts what the fast path accepts: %s", line).isTrue();
      assertThat(fast).as(line).isEqualTo(tree.value());
    }
    assertThat(parser.parse(line)).as(line).isEqualTo(tree);
  }

  @Test
  void everySampleLineGetsTheTreeParsersResult() throws Exception {
    int fast = 0;
    List<String> lines = Files.readAllLines(Path.of("sample-data/alarms.jsonl"), StandardCharsets.ISO_8859_1);
    for (String latin1 : lines) {
      String line = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      agrees(line);
      if (FastAlarmLine.tryRead(line) != null) {
        fast++;
      }
    }
    // Raises and clears: the acknowledgements (about an eighth of the sample's lines) go to the tree parser.
    assertThat(fast).as("lines read on the fast path").isGreaterThan(lines.size() * 8 / 10);
  }

  @Test
  void unusualLinesAreLeftToTheTreeParser() {
    String raise = "{\"eventId\":\"e1\",\"eventType\":\"AlarmCreateEvent\",\"eventTime\":\"2026-10-05T08:00:00+08:00\","
        + "\"event\":{\"alarm\":{\"id\":\"A-1\",\"sourceSystemId\":\"S\",\"probableCause\":\"cellOutage\","
        + "\"alarmedObject\":{\"id\":\"C-1\",\"@referredType\":\"Cell\"},\"alarmRaisedTime\":\"2026-10-05T08:00:00+08:00\"}}}";
    assertThat(FastAlarmLine.tryRead(raise)).isNotNull();
    List<String> variants = new ArrayList<>(List.of(
        raise.replace("\"eventId\":\"e1\",", "\"eventId\":\"e1\",\"eventId\":\"e2\","),
        raise.replace("\"eventId\":\"e1\"", "\"eventId\":\"\""),
        raise.replace("\"eventId\":\"e1\"", "\"eventId\":null"),
        raise.replace("\"id\":\"A-1\"", "\"id\":17"),
        raise.replace("\"probableCause\":\"cellOutage\",", ""),
        raise.replace("\"probableCause\":\"cellOutage\"", "\"probableCause\":null"),
        raise.replace("\"@referredType\":\"Cell\"", "\"@referredType\":3"),
        raise.replace("\"@referredType\":\"Cell\"", "\"@referredType\":null"),
        raise.replace("\"alarmedObject\":{\"id\":\"C-1\",\"@referredType\":\"Cell\"}", "\"alarmedObject\":null"),
        raise.replace("08:00:00+08:00\"}}}", "25:00:00+08:00\"}}}"),
        raise.replace("}}}", ",\"plannedOutageIndicator\":\"OUT_OF_SERVICE\"}}}"),
        raise.replace("}}}", ",\"plannedOutageIndicator\":true}}}"),
        raise.replace("}}}", ",\"alarm\":{}}}}").replace("\"event\":{\"alarm\"", "\"event\":{\"x\":1,\"alarm\""),
        raise + " {}",
        raise + "  ",
        "\uFEFF" + raise,
        " " + raise,
        raise.replace("AlarmCreateEvent", "AlarmClearedEvent").replace("alarmRaisedTime", "alarmClearedTime"),
        raise.replace("AlarmCreateEvent", "AlarmClearedEvent").replace("alarmRaisedTime", "alarmClearedTime")
            .replace("\"alarmedObject\":{\"id\":\"C-1\",\"@referredType\":\"Cell\"},", ""),
        raise.replace("AlarmCreateEvent", "AlarmStateChangeEvent").replace("alarmRaisedTime", "alarmClearedTime")
            .replace("\"probableCause\"", "\"state\":\"CLEARED\",\"probableCause\""),
        raise.replace("AlarmCreateEvent", "AlarmStateChangeEvent").replace("\"probableCause\"", "\"state\":\"raised\",\"probableCause\""),
        raise.replace("AlarmCreateEvent", "AlarmStateChangeEvent").replace("\"probableCause\"", "\"state\":5,\"probableCause\""),
        raise.replace("AlarmCreateEvent", "AlarmAttributeValueChangeEvent"),
        raise.replace("\"event\":{", "\"event\":{\"alarm\":[1,2],\"y\":{"),
        raise.replace("\"eventTime\"", "\"n\":NaN,\"eventTime\""),
        "[" + raise + "]",
        raise.substring(0, raise.length() - 3)));
    for (String v : variants) {
      agrees(v);
    }
  }
}
