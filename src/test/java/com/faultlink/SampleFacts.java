package com.faultlink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures read straight out of the sample's files, without any FaultLink code: acknowledgements per alarm, and the
 * accepted complaints by channel, severity and serving-cell technology. Lines that are no JSON object with an
 * {@code eventId} and a parsable {@code eventTime} are the generator's damaged ones and count nowhere.
 */
final class SampleFacts {
  private final Map<String, Long> firstAck = new HashMap<>();
  private long acksOffTheCellTable;
  private final Map<String, Long> channels = new HashMap<>();
  private final Map<String, Long> severities = new HashMap<>();
  private final Map<String, Long> technologies = new HashMap<>();
  private long escalated;
  private long complaints;

  private static final ObjectMapper JSON = new ObjectMapper();

  static SampleFacts read(Path dir) throws IOException {
    SampleFacts f = new SampleFacts();
    Map<String, String> technologyOf = new HashMap<>();
    List<String> cells = Files.readAllLines(dir.resolve("cells.csv"), StandardCharsets.UTF_8);
    for (String row : cells.subList(1, cells.size())) {
      String[] c = row.split(",");
      technologyOf.put(c[0], c[3]);
    }
    Map<String, Long> raised = new HashMap<>();
    Map<String, Long> acks = new HashMap<>();
    Set<String> alarmEvents = new HashSet<>();
    for (JsonNode e : objects(dir.resolve("alarms.jsonl"))) {
      if (!alarmEvents.add(e.get("eventId").asText())) {
        continue;
      }
      JsonNode a = e.path("event").path("alarm");
      String key = a.path("sourceSystemId").asText() + "/" + a.path("id").asText();
      String type = e.get("eventType").asText();
      Long raise = time(a.get("alarmRaisedTime"));
      Long changed = time(a.get("alarmChangedTime"));
      if (type.equals("AlarmCreateEvent") && raise != null) {
        raised.put(key, raise); // a raise whose time is damaged is rejected: no outage
      } else if (type.equals("AlarmAttributeValueChangeEvent") && "acknowledged".equals(a.path("ackState").asText())
          && changed != null) {
        acks.merge(key, changed, Math::min);
        if (!technologyOf.containsKey(a.path("alarmedObject").path("id").asText())) {
          f.acksOffTheCellTable++;
        }
      }
    }
    // An outage's id is its first alarm's key; an acknowledgement before its raise does not count.
    acks.forEach((key, at) -> {
      Long r = raised.get(key);
      if (r != null && at >= r) {
        f.firstAck.put(key, at);
      }
    });

    Set<String> complaintEvents = new HashSet<>();
    Set<String> tickets = new HashSet<>();
    for (JsonNode e : objects(dir.resolve("complaints.jsonl"))) {
      JsonNode t = e.path("event").path("troubleTicket");
      if (!e.get("eventType").asText().equals("TroubleTicketCreateEvent") || time(t.get("creationDate")) == null) {
        continue;
      }
      String cell = null;
      String region = null;
      for (JsonNode entity : t.path("relatedEntity")) {
        if (entity.path("role").asText().equals("servingCell")) {
          cell = entity.path("id").asText();
        } else if (entity.path("role").asText().equals("region")) {
          region = entity.path("id").asText();
        }
      }
      boolean known = cell != null && technologyOf.containsKey(cell);
      if (!known && (region == null || region.isEmpty())) {
        continue; // rejected: no location
      }
      if (!complaintEvents.add(e.get("eventId").asText()) || !tickets.add(t.path("id").asText())) {
        continue;
      }
      f.complaints++;
      String channel = t.path("channel").path("name").asText("other");
      f.channels.merge(channel, 1L, Long::sum);
      if (channel.equals("regulator") || channel.equals("越级")) {
        f.escalated++;
      }
      f.severities.merge(t.path("severity").asText("other"), 1L, Long::sum);
      f.technologies.merge(known ? technologyOf.get(cell) : "unknown", 1L, Long::sum);
    }
    return f;
  }

  private static List<JsonNode> objects(Path file) throws IOException {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
      try {
        JsonNode n = JSON.readTree(line);
        if (n != null && n.isObject() && n.hasNonNull("eventId") && n.hasNonNull("eventType")
            && n.hasNonNull("eventTime") && n.get("eventTime").isTextual()) {
          millis(n.get("eventTime").asText());
          out.add(n);
        }
      } catch (Exception damaged) {
        // a damaged line: rejected by the job, counted nowhere here
      }
    }
    return out;
  }

  /** A timestamp field as written, or null where it is missing or no timestamp text (a damaged line). */
  private static Long time(JsonNode v) {
    if (v == null || !v.isTextual()) {
      return null;
    }
    try {
      return millis(v.textValue());
    } catch (RuntimeException damaged) {
      return null;
    }
  }

  private static long millis(String timestamp) {
    return OffsetDateTime.parse(timestamp).toInstant().toEpochMilli();
  }

  Map<String, Long> firstAck() {
    return firstAck;
  }

  long acksOffTheCellTable() {
    return acksOffTheCellTable;
  }

  long escalated() {
    return escalated;
  }

  long complaints() {
    return complaints;
  }

  long byChannel(String name) {
    return channels.getOrDefault(name, 0L);
  }

  long bySeverity(String name) {
    return severities.getOrDefault(name, 0L);
  }

  long byTechnology(String name) {
    return technologies.getOrDefault(name, 0L);
  }
}
