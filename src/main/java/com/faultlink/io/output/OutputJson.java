package com.faultlink.io.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Timestamps;
import com.faultlink.model.GoldenScopeReport;
import com.faultlink.model.Alert;
import com.faultlink.model.ComplaintBreakdown;
import com.faultlink.model.Hotspot;
import com.faultlink.model.KpiMiss;
import com.faultlink.model.TargetCheck;
import com.faultlink.model.AlertText;
import com.faultlink.model.BurstThreshold;
import com.faultlink.model.GoldenWindow;
import com.faultlink.model.Attribution;
import com.faultlink.model.DeadLetter;
import com.faultlink.model.Incident;
import com.faultlink.model.OutageImpact;
import com.faultlink.model.OutageStatus;
import com.faultlink.model.WorkImpact;
import com.faultlink.model.RegionMetrics;
import com.faultlink.model.Rounding;
import com.faultlink.model.OpenTicket;
import com.faultlink.model.TicketFigures;
import com.faultlink.model.TicketMetrics;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;

/**
 * The JSON line of each output record, with the contract's field names. Timestamps carry the configured
 * zone's offset; every named field is written, as null where it has no value. No subscriber number is
 * written anywhere but in a dead letter's raw line.
 */
public final class OutputJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OutputJson() {}

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String time(Long epochMillis, ZoneId zone) {
    return epochMillis == null ? null : Timestamps.format(epochMillis, zone);
  }

  /**
   * Written field by field, not as a tree like the other streams: one line per complaint, the stream with the most
   * records by far (the tree and its serializer were most of the cost of writing it).
   */
  public static String attribution(Attribution a, ZoneId zone) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("complaintId", a.complaintId());
      g.writeStringField("outageId", a.outageId());
      g.writeStringField("region", a.region());
      g.writeStringField("cellId", a.cellId());
      g.writeStringField("matchLevel", a.matchLevel().json());
      g.writeFieldName("lagMinutes");
      if (a.lagMinutes() == null) {
        g.writeNull();
      } else {
        g.writeNumber(a.lagMinutes());
      }
      g.writeStringField("complaintTime", time(a.complaintTime(), zone));
      g.writeStringField("category", a.category().json());
      g.writeBooleanField("planned", a.planned());
      g.writeStringField("workId", a.workId());
      g.writeBooleanField("late", a.late());
      g.writeStringField("channel", a.channel());
      g.writeStringField("severity", a.severity());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  public static String outageImpact(OutageImpact i, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("outageId", i.outageId());
    n.put("cellId", i.cellId());
    n.put("region", i.region());
    n.put("technology", i.technology());
    n.put("start", time(i.start(), zone));
    n.put("end", time(i.end(), zone));
    n.put("endReason", i.endReason());
    n.put("durationMinutes", i.durationMinutes());
    n.put("complaints", i.complaints());
    n.put("firstComplaintLagMinutes", i.firstComplaintLagMinutes());
    n.put("planned", i.planned());
    n.put("workId", i.workId());
    n.put("ackMinutes", i.ackMinutes());
    n.put("incidentId", i.incidentId());
    return write(n);
  }

  static final String[] TICKET_FIELDS = {
    "ticketsDue", "ticketsResolvedOnTime", "onTimeRatePct", "ticketsResolved", "meanResolutionHours",
    "ticketsOverdueOpen"
  };

  public static String metrics(RegionMetrics m) {
    return write(metricsNode(m));
  }

  /** The metrics record as its JSON tree: the file and Kafka line, and the JSON columns of the database's row. */
  public static ObjectNode metricsNode(RegionMetrics m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("region", m.region());
    n.put("period", m.period().json());
    n.put("periodStart", m.periodStart());
    // exclusive: the next period's start (a day, week or month is [periodStart, periodEnd) in local time)
    n.put("periodEnd", m.period().endAfter(java.time.LocalDate.parse(m.periodStart())).toString());
    n.put("outages", m.outages());
    n.put("plannedOutages", m.plannedOutages());
    n.put("outageHours", m.outageHours());
    n.put("complaints", m.complaints());
    n.put("faultComplaints", m.faultComplaints());
    n.put("plannedComplaints", m.plannedComplaints());
    n.put("complaintsPer10k", m.complaintsPer10k());
    n.put("voicePer10k", m.voicePer10k());
    n.put("dataPer10k", m.dataPer10k());
    n.put("messagingPer10k", m.messagingPer10k());
    n.put("otherPer10k", m.otherPer10k());
    n.put("complainants", m.complainants());
    n.put("repeatComplainants", m.repeatComplainants());
    n.put("repeatComplaintRatePct", m.repeatComplaintRatePct());
    n.put("outagesChangePct", m.outagesChangePct());
    n.put("outageHoursChangePct", m.outageHoursChangePct());
    n.put("faultComplaintsChangePct", m.faultComplaintsChangePct());
    n.put("restoredInWindowPct", m.restoredInWindowPct());
    n.put("complaintsChangePct", m.complaintsChangePct());
    ComplaintBreakdown b = m.breakdown() != null ? m.breakdown() : ComplaintBreakdown.EMPTY;
    counts(n.putObject("complaintsByChannel"), b.byChannel(), ComplaintBreakdown.STANDARD_CHANNELS);
    counts(n.putObject("complaintsBySeverity"), b.bySeverity(), ComplaintBreakdown.SEVERITIES);
    counts(n.putObject("complaintsByTechnology"), b.byTechnology(), ComplaintBreakdown.TECHNOLOGIES);
    n.put("escalatedComplaints", b.escalated());
    n.put("outagesAcknowledged", m.outagesAcknowledged());
    n.put("ackMeanMinutes", m.ackMeanMinutes());
    n.put("ackP90Minutes", m.ackP90Minutes());
    // Without tickets.lifecycle the contract's ticket figures are null.
    putTicketFigures(n, m.tickets());
    // After every figure, so that a target may name any of them (the ticket figures included, once computed).
    ObjectNode targets = n.putObject("targets");
    if (m.targets() != null) {
      for (TargetCheck c : m.targets()) {
        ObjectNode t = targets.putObject(c.metric());
        t.put("op", c.op());
        t.put("target", c.target());
        t.put("value", c.value());
        t.put("met", c.met());
      }
    }
    return n;
  }

  /**
   * A breakdown's counts: the names {@code first} lists in that order, then any others (configured escalation
   * channels) sorted, {@code other} / {@code unknown} last.
   */
  private static void counts(ObjectNode into, java.util.Map<String, Long> counts, java.util.List<String> first) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (String f : first) {
      if (!f.equals(ComplaintBreakdown.OTHER) && !f.equals(ComplaintBreakdown.UNKNOWN)) {
        names.add(f);
      }
    }
    java.util.TreeSet<String> rest = new java.util.TreeSet<>(counts.keySet());
    rest.removeAll(first);
    rest.remove(ComplaintBreakdown.OTHER);
    rest.remove(ComplaintBreakdown.UNKNOWN);
    names.addAll(rest);
    for (String last : java.util.List.of(ComplaintBreakdown.OTHER, ComplaintBreakdown.UNKNOWN)) {
      if (first.contains(last) || counts.containsKey(last)) {
        names.add(last);
      }
    }
    for (String name : names) {
      into.put(name, counts.getOrDefault(name, 0L));
    }
  }

  public static String hotspot(Hotspot h) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("region", h.region());
    n.put("weekStart", h.weekStart());
    n.put("level", h.level());
    n.put("id", h.id());
    n.put("siteId", h.siteId());
    n.put("technology", h.technology());
    n.put("rank", h.rank());
    n.put("complaints", h.complaints());
    n.put("cells", h.cells());
    return write(n);
  }

  private static void putTicketFigures(ObjectNode n, TicketFigures t) {
    if (t == null) {
      for (String ticketField : TICKET_FIELDS) {
        n.putNull(ticketField);
      }
      return;
    }
    n.put("ticketsDue", t.due());
    n.put("ticketsResolvedOnTime", t.resolvedOnTime());
    n.put("onTimeRatePct", t.onTimeRatePct());
    n.put("ticketsResolved", t.resolved());
    n.put("meanResolutionHours", t.meanResolutionHours());
    n.put("ticketsOverdueOpen", t.overdueOpen());
  }

  /** A row of {@code ticket-metrics}: the ticket figures of one region (or {@code *}), tier and period. */
  public static String ticketMetrics(TicketMetrics m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("region", m.region());
    n.put("period", m.period().json());
    n.put("periodStart", m.periodStart());
    n.put("periodEnd", m.period().endAfter(java.time.LocalDate.parse(m.periodStart())).toString());
    n.put("tier", m.tier());
    putTicketFigures(n, m.figures());
    return write(n);
  }

  /** A change of the overdue worklist ({@code open-tickets}); the ticket id is masked already by the parser. */
  public static String openTicket(OpenTicket t, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("ticketId", t.ticketId());
    n.put("status", t.status());
    n.put("at", time(t.at(), zone));
    n.put("region", t.region());
    n.put("cellId", t.cellId());
    n.put("tier", t.tier());
    n.put("createdAt", time(t.createdAt(), zone));
    n.put("deadline", time(t.deadline(), zone));
    n.put("hoursPastDeadline", Rounding.halfUp2((t.at() - t.deadline()) / 3_600_000.0));
    n.put("outageId", t.outageId());
    n.put("incidentId", t.incidentId());
    return write(n);
  }

  public static String alert(Alert a, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("alertId", a.alertId());
    n.put("type", a.type().name());
    n.put("status", a.status().json());
    n.put("severity", AlertText.severity(a.type()));
    n.put("summary", AlertText.summary(a, zone));
    n.put("region", a.region());
    n.put("at", time(a.at(), zone));
    n.put("incidentId", a.incidentId());
    alertTimes(n, a, zone);
    switch (a.type()) {
      case GOLDEN_WINDOW_AT_RISK, GOLDEN_WINDOW_BREACHED -> {
        n.put("outageId", a.outageId());
        n.put("cellId", a.cellId());
        n.put("technology", a.technology());
        n.put("elapsedMinutes", a.elapsedMinutes());
        n.put("goldenWindowMinutes", a.goldenWindowMinutes());
        n.put("expectedComplaintsNextHour", a.expectedComplaintsNextHour());
      }
      case COMPLAINT_BURST -> {
        n.put("windowStart", time(a.windowStart(), zone));
        n.put("windowEnd", time(a.windowEnd(), zone));
        n.put("count", a.count());
        n.put("threshold", a.threshold());
        n.put("expected", a.expected());
      }
      case MASS_OUTAGE -> {
        n.put("outagesOpen", a.outagesOpen());
        ArrayNode incidents = n.putArray("incidents");
        if (a.incidents() != null) {
          a.incidents().forEach(incidents::add);
        }
      }
      case INCIDENT -> {
        n.put("cause", a.cause());
        n.put("outagesOpen", a.outagesOpen());
      }
      case KPI_MISSED -> {
        KpiMiss k = a.kpi();
        n.put("period", k == null ? null : k.period().json());
        n.put("periodStart", k == null ? null : k.periodStart());
        n.put("metric", k == null ? null : k.metric());
        n.put("op", k == null ? null : k.op());
        n.put("target", k == null ? null : k.target());
        n.put("value", k == null ? null : k.value());
      }
      case TICKETS_OVERDUE -> {
        n.put("tier", a.tier());
        n.put("overdue", a.count());
      }
      default -> { }
    }
    if (a.explainingOutages() != null) {
      ArrayNode explaining = n.putArray("explainingOutages");
      a.explainingOutages().forEach(explaining::add);
    }
    n.put("planned", a.planned());
    n.put("workId", a.workId());
    return write(n);
  }

  /**
   * An incident. {@code subscribers} is written null: no reference table gives the subscribers served per site or
   * cell (the region table's counts are per region), so the figure is left to a table that will.
   */
  public static String incident(Incident i, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("incidentId", i.incidentId());
    n.put("cause", i.cause());
    n.put("rootObjectId", i.rootObjectId());
    ArrayNode regions = n.putArray("regions");
    i.regions().forEach(regions::add);
    n.put("start", time(i.start(), zone));
    n.put("end", time(i.end(), zone));
    n.put("rootCleared", time(i.rootCleared(), zone));
    n.put("outages", i.outageIds().size());
    ArrayNode ids = n.putArray("outageIds");
    i.outageIds().forEach(ids::add);
    n.put("sites", i.sites());
    n.put("cells", i.cells());
    n.put("complaints", i.complaints());
    n.putNull("subscribers");
    return write(n);
  }

  /**
   * When the alert fired, and on a resolution when it ended and how long it lasted, so that a dashboard needs no
   * join of the two records.
   */
  private static void alertTimes(ObjectNode n, Alert a, ZoneId zone) {
    Long resolved = a.resolvedAtMillis();
    n.put("firedAt", a.firedAt() == null ? null : time(a.firedAt(), zone));
    n.put("resolvedAt", resolved == null ? null : time(resolved, zone));
    n.put("durationMinutes", resolved == null || a.firedAt() == null ? null
        : Rounding.minutes(resolved - a.firedAt()));
  }

  public static String goldenWindow(GoldenWindow g, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("region", g.region());
    n.put("technology", g.technology());
    n.put("validFrom", time(g.validFrom(), zone));
    n.put("goldenWindowMinutes", g.goldenWindowMinutes());
    n.put("ciLowMinutes", g.ciLowMinutes());
    n.put("ciHighMinutes", g.ciHighMinutes());
    n.put("outages", g.outages());
    n.put("complaints", g.complaints());
    n.put("rateBeforePerHour", g.rateBeforePerHour());
    n.put("rateAfterPerHour", g.rateAfterPerHour());
    n.put("method", g.method());
    return write(n);
  }

  /** A row of the analysts' golden-window table (JSON Lines; {@link GoldenWindowTable} makes the CSV). */
  public static String goldenScopeReport(GoldenScopeReport r, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("region", r.region());
    n.put("technology", r.technology());
    n.put("validFrom", time(r.validFrom(), zone));
    n.put("status", r.status());
    n.put("goldenWindowMinutes", r.goldenWindowMinutes());
    n.put("ciLowMinutes", r.ciLowMinutes());
    n.put("ciHighMinutes", r.ciHighMinutes());
    n.put("rateBeforePerHour", r.rateBeforePerHour());
    n.put("rateAfterPerHour", r.rateAfterPerHour());
    n.put("outages", r.outages());
    n.put("complaints", r.complaints());
    n.put("highestRatio", r.highestRatio());
    n.put("meanAfterRatio", r.meanAfterRatio());
    n.put("riseZ", r.riseZ());
    n.put("riseZCritical", r.riseZCritical());
    n.put("trendZ", r.trendZ());
    n.put("examinedUpToMinutes", r.examinedUpToMinutes());
    n.put("reason", r.reason());
    n.put("appliesInstead", r.appliesInstead());
    n.put("method", r.method());
    return write(n);
  }

  public static String burstThreshold(BurstThreshold b, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("region", b.region());
    n.put("band", b.band());
    n.put("validFrom", time(b.validFrom(), zone));
    n.put("windowMinutes", b.windowMinutes());
    n.put("threshold", b.threshold());
    n.put("expected", b.expected());
    n.put("distribution", b.distribution());
    return write(n);
  }

  public static String workImpact(WorkImpact w, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("workId", w.workId());
    n.put("start", time(w.start(), zone));
    n.put("end", time(w.end(), zone));
    n.put("outages", w.outages());
    n.put("complaints", w.complaints());
    n.put("outageMinutes", w.outageMinutes());
    n.put("overrunOutages", w.overrunOutages());
    n.put("overrunMinutes", w.overrunMinutes());
    return write(n);
  }

  public static String outageStatus(OutageStatus s, ZoneId zone) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("outageId", s.outageId());
    n.put("status", s.status());
    n.put("at", time(s.at(), zone));
    n.put("cellId", s.cellId());
    n.put("region", s.region());
    n.put("technology", s.technology());
    n.put("start", time(s.start(), zone));
    n.put("end", time(s.end(), zone));
    n.put("endReason", s.endReason());
    n.put("elapsedMinutes", s.elapsedMinutes());
    n.put("goldenWindowMinutes", s.goldenWindowMinutes());
    n.put("planned", s.planned());
    n.put("workId", s.workId());
    n.put("plannedUntil", time(s.plannedUntil(), zone));
    return write(n);
  }

  public static String deadLetter(DeadLetter d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("source", d.source());
    n.put("reason", d.reason());
    n.put("raw", d.raw());
    n.put("truncated", d.truncated());
    // where the line was read: a file and its line number, or a Kafka topic, partition and offset (null: not known)
    n.put("file", d.file());
    n.put("topic", d.topic());
    n.put("partition", d.partition());
    n.put("offset", d.offset());
    return write(n);
  }
}
