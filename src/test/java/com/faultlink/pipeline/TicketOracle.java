package com.faultlink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.faultlink.model.PeriodKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contract's ticket rules by brute force, over whole input files, with no Flink and no FaultLink code (local
 * periods from {@code java.time}): each ticket's end (the earliest resolution or cancellation by status time, a
 * resolution winning a tie), then the six ticket figures per region (and {@code *}), tier (and {@code *}) and period.
 */
final class TicketOracle {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long HOUR = 3_600_000L;

  private TicketOracle() {}

  /** A ticket as the rules see it; {@code ends} every ending status as {time, 1 resolved / 0 cancelled}. */
  record Ticket(String id, String region, String tier, long created, long deadline, List<long[]> ends) {
    /** The ticket's end, or null. */
    long[] end() {
      long[] best = null;
      for (long[] e : ends) {
        if (best == null || e[0] < best[0] || (e[0] == best[0] && e[1] > best[1])) {
          best = e;
        }
      }
      return best;
    }

    Long resolution() {
      long[] e = end();
      return e != null && e[1] == 1 ? e[0] : null;
    }

    Long cancellation() {
      long[] e = end();
      return e != null && e[1] == 0 ? e[0] : null;
    }

    /** Overdue at some instant of the input: its deadline before the horizon and no end by the deadline. */
    boolean overdueAtAll(long horizon) {
      long[] e = end();
      return deadline < horizon && (e == null || e[0] > deadline);
    }
  }

  static LocalDate periodStart(PeriodKind kind, long ms, ZoneId zone) {
    LocalDate d = Instant.ofEpochMilli(ms).atZone(zone).toLocalDate();
    return switch (kind) {
      case DAY -> d;
      case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> d.withDayOfMonth(1);
    };
  }

  static LocalDate next(PeriodKind kind, LocalDate p) {
    return switch (kind) {
      case DAY -> p.plusDays(1);
      case WEEK -> p.plusWeeks(1);
      case MONTH -> p.plusMonths(1);
    };
  }

  private static long startMillis(LocalDate p, ZoneId zone) {
    return p.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** {due, onTime, resolved, resolutionMillis, overdueOpen} per {@code region|tier|KIND|periodStart}. */
  static Map<String, long[]> figures(List<Ticket> tickets, long horizon, ZoneId zone) {
    Map<String, long[]> f = new TreeMap<>();
    for (Ticket t : tickets) {
      Long res = t.resolution();
      Long can = t.cancellation();
      for (PeriodKind kind : PeriodKind.values()) {
        for (String region : List.of(t.region(), "*")) {
          for (String tier : List.of(t.tier(), "*")) {
            String scope = region + "|" + tier + "|" + kind + "|";
            if (t.deadline() <= horizon && !(can != null && can <= t.deadline())) {
              long[] c = f.computeIfAbsent(scope + periodStart(kind, t.deadline(), zone), k -> new long[5]);
              c[0]++;
              if (res != null && res <= t.deadline()) {
                c[1]++;
              }
            }
            if (res != null) {
              long[] c = f.computeIfAbsent(scope + periodStart(kind, res, zone), k -> new long[5]);
              c[2]++;
              c[3] += res - t.created();
            }
            if (t.overdueAtAll(horizon)) {
              // every period end after the deadline, up to the end of the period holding the horizon
              LocalDate p = periodStart(kind, t.deadline(), zone);
              while (startMillis(p, zone) <= horizon) {
                long e = startMillis(next(kind, p), zone);
                if (!(res != null && res < e) && !(can != null && can <= e)) {
                  f.computeIfAbsent(scope + p, k -> new long[5])[4]++;
                }
                p = next(kind, p);
              }
            }
          }
        }
      }
    }
    return f;
  }

  /** Tickets and the input's horizon as read from files. */
  record Read(List<Ticket> tickets, long horizon) {}

  /**
   * The tickets of a complaints file under the default tiers, as the contract accepts them: lines that are JSON
   * objects with an event id, each event id once (the first), each ticket id created once (the first); a ticket's
   * region from its cell (the cell table) else its region entity; statuses stated before their ticket's creation
   * and statuses of tickets never created left out. The horizon is the latest domain time of the accepted lines of
   * both files (creations, statuses, raises and clears).
   */
  static Read read(Path complaints, Path alarms, Map<String, String> cellRegions) throws IOException {
    Map<String, Ticket> tickets = new LinkedHashMap<>();
    Map<String, List<long[]>> ends = new HashMap<>();
    List<Object[]> statuses = new ArrayList<>();
    Set<String> eventIds = new HashSet<>();
    long horizon = Long.MIN_VALUE;
    for (String line : Files.readAllLines(complaints, StandardCharsets.ISO_8859_1)) {
      JsonNode e = parse(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
      if (e == null || !e.path("eventId").isTextual() || time(e.get("eventTime")) == null) {
        continue;
      }
      String type = e.path("eventType").asText();
      JsonNode t = e.at("/event/troubleTicket");
      String id = t.path("id").isTextual() ? t.get("id").asText() : null;
      Long at;
      if (type.equals("TroubleTicketCreateEvent")) {
        at = time(t.get("creationDate"));
      } else if (type.equals("TroubleTicketStatusChangeEvent")) {
        at = t.path("status").isTextual() ? time(t.get("statusChangeDate")) : null;
      } else if (type.equals("TroubleTicketResolvedEvent")) {
        at = time(t.get("resolutionDate"));
      } else {
        continue;
      }
      if (id == null || id.isEmpty() || at == null || !eventIds.add(e.get("eventId").asText())) {
        continue;
      }
      if (type.equals("TroubleTicketCreateEvent")) {
        String region = null;
        String cell = null;
        for (JsonNode ent : t.path("relatedEntity")) {
          if (ent.path("role").asText().equals("servingCell")) {
            cell = ent.path("id").asText();
          } else if (ent.path("role").asText().equals("region")) {
            region = ent.path("id").asText();
          }
        }
        if (cell != null && cellRegions.containsKey(cell)) {
          region = cellRegions.get(cell);
        }
        if (region == null || region.isEmpty()) {
          continue;
        }
        horizon = Math.max(horizon, at);
        String severity = t.path("severity").asText("");
        int tier = severity.equals("critical") ? 0 : severity.equals("major") ? 1 : 2;
        long hours = new long[] {2, 24, 72}[tier];
        tickets.putIfAbsent(id, new Ticket(id, region, new String[] {"urgent", "important", "normal"}[tier], at,
            at + hours * HOUR, ends.computeIfAbsent(id, k -> new ArrayList<>())));
      } else {
        horizon = Math.max(horizon, at);
        String status = type.equals("TroubleTicketResolvedEvent") ? "resolved" : t.get("status").asText();
        statuses.add(new Object[] {id, at, status});
      }
    }
    for (Object[] s : statuses) {
      Ticket t = tickets.get((String) s[0]);
      long at = (long) s[1];
      String status = (String) s[2];
      if (t == null || at < t.created()) {
        continue;
      }
      if (status.equals("resolved") || status.equals("closed")) {
        t.ends().add(new long[] {at, 1});
      } else if (status.equals("cancelled")) {
        t.ends().add(new long[] {at, 0});
      }
    }
    for (String line : Files.readAllLines(alarms, StandardCharsets.ISO_8859_1)) {
      JsonNode e = parse(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
      if (e == null || time(e.get("eventTime")) == null) {
        continue;
      }
      JsonNode a = e.at("/event/alarm");
      String type = e.path("eventType").asText();
      Long at = type.equals("AlarmCreateEvent") ? time(a.get("alarmRaisedTime"))
          : type.equals("AlarmClearedEvent") || (type.equals("AlarmStateChangeEvent")
              && a.path("state").asText().equals("cleared")) ? time(a.get("alarmClearedTime")) : null;
      if (at != null) {
        horizon = Math.max(horizon, at);
      }
    }
    return new Read(new ArrayList<>(tickets.values()), horizon);
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      return n != null && n.isObject() ? n : null;
    } catch (IOException damaged) {
      return null;
    }
  }

  private static Long time(JsonNode n) {
    if (n == null || !n.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(n.asText()).toInstant().toEpochMilli();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A metrics or ticket-metrics record's six ticket figures against the oracle's counts. */
  static void assertFigures(String key, JsonNode m, long[] c) {
    assertThat(m.get("ticketsDue").asLong()).as(key + " due").isEqualTo(c[0]);
    assertThat(m.get("ticketsResolvedOnTime").asLong()).as(key + " on time").isEqualTo(c[1]);
    assertThat(m.get("ticketsResolved").asLong()).as(key + " resolved").isEqualTo(c[2]);
    assertThat(m.get("ticketsOverdueOpen").asLong()).as(key + " overdue open").isEqualTo(c[4]);
    if (c[0] == 0) {
      assertThat(m.get("onTimeRatePct").isNull()).as(key + " rate").isTrue();
    } else {
      assertThat(m.get("onTimeRatePct").decimalValue()).as(key + " rate").isEqualByComparingTo(
          BigDecimal.valueOf(c[1] * 100).divide(BigDecimal.valueOf(c[0]), 2, RoundingMode.HALF_UP));
    }
    if (c[2] == 0) {
      assertThat(m.get("meanResolutionHours").isNull()).as(key + " hours").isTrue();
    } else {
      assertThat(m.get("meanResolutionHours").decimalValue()).as(key + " hours").isEqualByComparingTo(
          BigDecimal.valueOf(c[3]).divide(BigDecimal.valueOf(HOUR * c[2]), 2, RoundingMode.HALF_UP));
    }
  }

  /** The key of a metrics ({@code tier} absent: {@code *}) or ticket-metrics record. */
  static String key(JsonNode m) {
    return m.get("region").asText() + "|" + (m.has("tier") ? m.get("tier").asText() : "*") + "|"
        + m.get("period").asText().toUpperCase(java.util.Locale.ROOT) + "|" + m.get("periodStart").asText();
  }
}
