package com.faultlink.io.output.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.config.JdbcConfig;
import com.faultlink.io.output.OutputJson;
import com.faultlink.model.Alert;
import com.faultlink.model.AlertStatus;
import com.faultlink.model.BurstThreshold;
import com.faultlink.model.GoldenWindow;
import com.faultlink.model.Incident;
import com.faultlink.model.OutageImpact;
import com.faultlink.model.OpenTicket;
import com.faultlink.model.OutageStatus;
import com.faultlink.model.RegionMetrics;
import com.faultlink.model.TicketFigures;
import com.faultlink.model.WorkImpact;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes the dashboard streams to PostgreSQL ({@code sinks.jdbc}), one {@link JdbcUpsertSink} per table (DDL in
 * {@code jobs/sql/faultlink.sql}), every row an {@code INSERT ... ON CONFLICT (key) DO UPDATE}. The upserts are
 * idempotent, so at-least-once delivery is enough: after a restart the records since the last checkpoint, and the
 * rows still buffered in it, are written again and leave the same rows; a row written late (the database was
 * down) leaves the same table as one written on time. An unreachable database never fails the job.
 */
public final class JdbcOutputs {
  private JdbcOutputs() {}

  static final String METRICS = """
      INSERT INTO metrics (region, period, period_start, outages, planned_outages, outage_hours, complaints,
        fault_complaints, planned_complaints, complaints_per_10k, voice_per_10k, data_per_10k, messaging_per_10k,
        other_per_10k, complainants, repeat_complainants, repeat_complaint_rate_pct, outages_change_pct,
        outage_hours_change_pct, fault_complaints_change_pct, period_end, restored_in_window_pct,
        complaints_change_pct, complaints_by_channel, complaints_by_severity, complaints_by_technology,
        escalated_complaints, outages_acknowledged, ack_mean_minutes, ack_p90_minutes, tickets_due,
        tickets_resolved_on_time, on_time_rate_pct, tickets_resolved, mean_resolution_hours, tickets_overdue_open,
        targets)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?,
        ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
      ON CONFLICT (region, period, period_start) DO UPDATE SET outages = EXCLUDED.outages,
        planned_outages = EXCLUDED.planned_outages, outage_hours = EXCLUDED.outage_hours,
        complaints = EXCLUDED.complaints, fault_complaints = EXCLUDED.fault_complaints,
        planned_complaints = EXCLUDED.planned_complaints, complaints_per_10k = EXCLUDED.complaints_per_10k,
        voice_per_10k = EXCLUDED.voice_per_10k, data_per_10k = EXCLUDED.data_per_10k,
        messaging_per_10k = EXCLUDED.messaging_per_10k, other_per_10k = EXCLUDED.other_per_10k,
        complainants = EXCLUDED.complainants, repeat_complainants = EXCLUDED.repeat_complainants,
        repeat_complaint_rate_pct = EXCLUDED.repeat_complaint_rate_pct,
        outages_change_pct = EXCLUDED.outages_change_pct, outage_hours_change_pct = EXCLUDED.outage_hours_change_pct,
        fault_complaints_change_pct = EXCLUDED.fault_complaints_change_pct, period_end = EXCLUDED.period_end,
        restored_in_window_pct = EXCLUDED.restored_in_window_pct, complaints_change_pct =
        EXCLUDED.complaints_change_pct, complaints_by_channel = EXCLUDED.complaints_by_channel, complaints_by_severity
        = EXCLUDED.complaints_by_severity, complaints_by_technology = EXCLUDED.complaints_by_technology,
        escalated_complaints = EXCLUDED.escalated_complaints, outages_acknowledged = EXCLUDED.outages_acknowledged,
        ack_mean_minutes = EXCLUDED.ack_mean_minutes, ack_p90_minutes = EXCLUDED.ack_p90_minutes, tickets_due =
        EXCLUDED.tickets_due, tickets_resolved_on_time = EXCLUDED.tickets_resolved_on_time, on_time_rate_pct =
        EXCLUDED.on_time_rate_pct, tickets_resolved = EXCLUDED.tickets_resolved, mean_resolution_hours =
        EXCLUDED.mean_resolution_hours, tickets_overdue_open = EXCLUDED.tickets_overdue_open, targets =
        EXCLUDED.targets""";

  static final String GOLDEN_WINDOWS = """
      INSERT INTO golden_windows (region, technology, valid_from, golden_window_minutes, ci_low_minutes,
        ci_high_minutes, outages)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (region, technology, valid_from) DO UPDATE SET golden_window_minutes = EXCLUDED.golden_window_minutes,
        ci_low_minutes = EXCLUDED.ci_low_minutes, ci_high_minutes = EXCLUDED.ci_high_minutes,
        outages = EXCLUDED.outages""";

  static final String OUTAGE_IMPACTS = """
      INSERT INTO outage_impacts (outage_id, cell_id, region, technology, start_at, end_at, duration_minutes,
        complaints, first_complaint_lag_minutes, planned, work_id, incident_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (outage_id) DO UPDATE SET cell_id = EXCLUDED.cell_id, region = EXCLUDED.region,
        technology = EXCLUDED.technology, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
        duration_minutes = EXCLUDED.duration_minutes, complaints = EXCLUDED.complaints,
        first_complaint_lag_minutes = EXCLUDED.first_complaint_lag_minutes, planned = EXCLUDED.planned,
        work_id = EXCLUDED.work_id, incident_id = EXCLUDED.incident_id""";

  static final String INCIDENTS = """
      INSERT INTO incidents (incident_id, cause, root_object_id, regions, start_at, end_at, root_cleared_at, outages,
        outage_ids, sites, cells, complaints)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (incident_id) DO UPDATE SET cause = EXCLUDED.cause, root_object_id = EXCLUDED.root_object_id,
        regions = EXCLUDED.regions, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
        root_cleared_at = EXCLUDED.root_cleared_at, outages = EXCLUDED.outages, outage_ids = EXCLUDED.outage_ids,
        sites = EXCLUDED.sites, cells = EXCLUDED.cells, complaints = EXCLUDED.complaints""";

  static final String WORK_IMPACTS = """
      INSERT INTO work_impacts (work_id, start_at, end_at, outages, complaints, outage_minutes, overrun_outages,
        overrun_minutes)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (work_id) DO UPDATE SET start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
        outages = EXCLUDED.outages, complaints = EXCLUDED.complaints, outage_minutes = EXCLUDED.outage_minutes,
        overrun_outages = EXCLUDED.overrun_outages, overrun_minutes = EXCLUDED.overrun_minutes""";

  static final String OUTAGE_STATUS = """
      INSERT INTO outage_status (outage_id, status, at, cell_id, region, technology, start_at, end_at,
        elapsed_minutes, golden_window_minutes, planned, work_id, planned_until)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (outage_id, status, at) DO UPDATE SET end_at = EXCLUDED.end_at,
        elapsed_minutes = EXCLUDED.elapsed_minutes, golden_window_minutes = EXCLUDED.golden_window_minutes""";

  static final String OPEN_OUTAGES = """
      INSERT INTO open_outages AS o (outage_id, status, status_rank, at, cell_id, region, technology, start_at,
        end_at, golden_window_minutes, planned, work_id, planned_until)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (outage_id) DO UPDATE SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank,
        at = EXCLUDED.at, end_at = EXCLUDED.end_at, golden_window_minutes = EXCLUDED.golden_window_minutes
      WHERE (o.at, o.status_rank) <= (EXCLUDED.at, EXCLUDED.status_rank)""";

  static final String ALERTS = """
      INSERT INTO alerts AS a (alert_id, type, status, region, fired_at, resolved_at, outage_id, cell_id,
        elapsed_minutes, golden_window_minutes, window_start, window_end, count, threshold, expected, outages_open,
        explaining_outages, planned, work_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (alert_id) DO UPDATE SET
        fired_at = COALESCE(EXCLUDED.fired_at, a.fired_at),
        resolved_at = COALESCE(EXCLUDED.resolved_at, a.resolved_at),
        status = CASE WHEN COALESCE(EXCLUDED.resolved_at, a.resolved_at) IS NULL THEN 'firing' ELSE 'resolved' END""";

  static final String BURST_THRESHOLDS = """
      INSERT INTO burst_thresholds (region, band, valid_from, window_minutes, threshold, expected, distribution)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (region, band, valid_from) DO UPDATE SET window_minutes = EXCLUDED.window_minutes,
        threshold = EXCLUDED.threshold, expected = EXCLUDED.expected, distribution = EXCLUDED.distribution""";

  /** The burst thresholds' change log; the view {@code burst_thresholds_current} has the latest per band. */
  public static void writeBurstThresholds(JdbcConfig config, DataStream<BurstThreshold> thresholds) {
    if (thresholds != null) {
      sink(thresholds, "burst_thresholds", BURST_THRESHOLDS, JdbcOutputs::burstThreshold, config);
    }
  }

  static void burstThreshold(PreparedStatement ps, BurstThreshold t) throws SQLException {
    int i = 0;
    ps.setString(++i, t.region());
    ps.setString(++i, t.band());
    setTime(ps, ++i, t.validFrom());
    ps.setDouble(++i, t.windowMinutes());
    ps.setDouble(++i, t.threshold());
    ps.setDouble(++i, t.expected());
    ps.setString(++i, t.distribution());
  }

  /**
   * The overdue worklist, one row per ticket holding its latest state: a record never overwrites a later one (by
   * event time, then near < overdue < gone), so a replayed or late row leaves the table as it was.
   */
  static final String OPEN_TICKETS = """
      INSERT INTO open_tickets AS t (ticket_id, status, status_rank, at, region, cell_id, tier, created_at, deadline,
        outage_id, incident_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (ticket_id) DO UPDATE SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank,
        at = EXCLUDED.at, outage_id = EXCLUDED.outage_id, incident_id = EXCLUDED.incident_id
      WHERE (t.at, t.status_rank) <= (EXCLUDED.at, EXCLUDED.status_rank)""";

  /** The overdue-ticket worklist ({@code open-tickets}) to its table; the stream keyed by ticket id. */
  public static void writeOpenTickets(JdbcConfig config, DataStream<OpenTicket> openTickets) {
    sink(openTickets, "open_tickets", OPEN_TICKETS, JdbcOutputs::openTicket, config);
  }

  /** nearDeadline 0 < overdue 1 < gone (resolved, cancelled, forgotten) 2. */
  static int ticketRank(String status) {
    return switch (status) {
      case OpenTicket.NEAR_DEADLINE -> 0;
      case OpenTicket.OVERDUE -> 1;
      default -> 2;
    };
  }

  static void openTicket(PreparedStatement ps, OpenTicket t) throws SQLException {
    int i = 0;
    ps.setString(++i, t.ticketId());
    ps.setString(++i, t.status());
    ps.setInt(++i, ticketRank(t.status()));
    setTime(ps, ++i, t.at());
    ps.setString(++i, t.region());
    ps.setString(++i, t.cellId());
    ps.setString(++i, t.tier());
    setTime(ps, ++i, t.createdAt());
    setTime(ps, ++i, t.deadline());
    ps.setString(++i, t.outageId());
    ps.setString(++i, t.incidentId());
  }

  /** Adds a JDBC sink per stream that exists. */
  public static void write(JdbcConfig config, DataStream<RegionMetrics> metrics, DataStream<GoldenWindow> goldenWindows,
      DataStream<OutageImpact> impacts, DataStream<WorkImpact> workImpacts, DataStream<OutageStatus> status,
      DataStream<Alert> alerts) {
    write(config, metrics, goldenWindows, impacts, workImpacts, status, alerts, null);
  }

  /** Adds a JDBC sink per stream that exists. */
  public static void write(JdbcConfig config, DataStream<RegionMetrics> metrics, DataStream<GoldenWindow> goldenWindows,
      DataStream<OutageImpact> impacts, DataStream<WorkImpact> workImpacts, DataStream<OutageStatus> status,
      DataStream<Alert> alerts, DataStream<Incident> incidents) {
    if (incidents != null) {
      sink(incidents, "incidents", INCIDENTS, JdbcOutputs::incident, config);
    }
    if (metrics != null) {
      sink(metrics, "metrics", METRICS, JdbcOutputs::metrics, config);
    }
    if (goldenWindows != null) {
      sink(goldenWindows, "golden_windows", GOLDEN_WINDOWS, JdbcOutputs::goldenWindow, config);
    }
    if (impacts != null) {
      sink(impacts, "outage_impacts", OUTAGE_IMPACTS, JdbcOutputs::outageImpact, config);
    }
    if (workImpacts != null) {
      sink(workImpacts, "work_impacts", WORK_IMPACTS, JdbcOutputs::workImpact, config);
    }
    if (status != null) {
      sink(status, "outage_status", OUTAGE_STATUS, JdbcOutputs::outageStatus, config);
      sink(status, "open_outages", OPEN_OUTAGES, JdbcOutputs::openOutage, config);
    }
    if (alerts != null) {
      sink(alerts, "alerts", ALERTS, JdbcOutputs::alert, config);
    }
  }

  private static <T> void sink(DataStream<T> stream, String table, String sql, JdbcStatementBuilder<T> fill,
      JdbcConfig config) {
    stream.sinkTo(new JdbcUpsertSink<>(config, table, sql, fill)).uid("sink-jdbc-" + table)
        .name("Upsert " + table + " (JDBC)");
  }

  // ------------------------------------------------------------------------------------------ row builders

  static void metrics(PreparedStatement ps, RegionMetrics m) throws SQLException {
    int i = 0;
    ps.setString(++i, m.region());
    ps.setString(++i, m.period().json());
    ps.setObject(++i, LocalDate.parse(m.periodStart()));
    ps.setLong(++i, m.outages());
    ps.setLong(++i, m.plannedOutages());
    ps.setDouble(++i, m.outageHours());
    ps.setLong(++i, m.complaints());
    ps.setLong(++i, m.faultComplaints());
    ps.setLong(++i, m.plannedComplaints());
    ps.setDouble(++i, m.complaintsPer10k());
    ps.setDouble(++i, m.voicePer10k());
    ps.setDouble(++i, m.dataPer10k());
    ps.setDouble(++i, m.messagingPer10k());
    ps.setDouble(++i, m.otherPer10k());
    ps.setLong(++i, m.complainants());
    ps.setLong(++i, m.repeatComplainants());
    setDouble(ps, ++i, m.repeatComplaintRatePct());
    setDouble(ps, ++i, m.outagesChangePct());
    setDouble(ps, ++i, m.outageHoursChangePct());
    setDouble(ps, ++i, m.faultComplaintsChangePct());
    LocalDate start = LocalDate.parse(m.periodStart());
    ps.setObject(++i, m.period().endAfter(start));
    setDouble(ps, ++i, m.restoredInWindowPct());
    setDouble(ps, ++i, m.complaintsChangePct());
    // The breakdowns and targets as the file record writes them (its key order and names), stored as jsonb.
    ObjectNode json = OutputJson.metricsNode(m);
    ps.setString(++i, json.get("complaintsByChannel").toString());
    ps.setString(++i, json.get("complaintsBySeverity").toString());
    ps.setString(++i, json.get("complaintsByTechnology").toString());
    ps.setLong(++i, m.breakdown() != null ? m.breakdown().escalated() : 0);
    ps.setLong(++i, m.outagesAcknowledged());
    setDouble(ps, ++i, m.ackMeanMinutes());
    setDouble(ps, ++i, m.ackP90Minutes());
    // The ticket figures are null without tickets.lifecycle, as in the file record.
    TicketFigures t = m.tickets();
    setLong(ps, ++i, t == null ? null : t.due());
    setLong(ps, ++i, t == null ? null : t.resolvedOnTime());
    setDouble(ps, ++i, t == null ? null : t.onTimeRatePct());
    setLong(ps, ++i, t == null ? null : t.resolved());
    setDouble(ps, ++i, t == null ? null : t.meanResolutionHours());
    setLong(ps, ++i, t == null ? null : t.overdueOpen());
    ps.setString(++i, json.get("targets").toString());
  }

  static void goldenWindow(PreparedStatement ps, GoldenWindow g) throws SQLException {
    int i = 0;
    ps.setString(++i, g.region());
    ps.setString(++i, g.technology());
    setTime(ps, ++i, g.validFrom());
    ps.setDouble(++i, g.goldenWindowMinutes());
    ps.setDouble(++i, g.ciLowMinutes());
    ps.setDouble(++i, g.ciHighMinutes());
    ps.setLong(++i, g.outages());
  }

  static void outageImpact(PreparedStatement ps, OutageImpact o) throws SQLException {
    int i = 0;
    ps.setString(++i, o.outageId());
    ps.setString(++i, o.cellId());
    ps.setString(++i, o.region());
    ps.setString(++i, o.technology());
    setTime(ps, ++i, o.start());
    setTime(ps, ++i, o.end());
    ps.setDouble(++i, o.durationMinutes());
    ps.setLong(++i, o.complaints());
    setDouble(ps, ++i, o.firstComplaintLagMinutes());
    ps.setBoolean(++i, o.planned());
    ps.setString(++i, o.workId());
    ps.setString(++i, o.incidentId());
  }

  static void incident(PreparedStatement ps, Incident n) throws SQLException {
    int i = 0;
    ps.setString(++i, n.incidentId());
    ps.setString(++i, n.cause());
    ps.setString(++i, n.rootObjectId());
    ps.setString(++i, String.join(",", n.regions()));
    setTime(ps, ++i, n.start());
    setTime(ps, ++i, n.end());
    setTime(ps, ++i, n.rootCleared());
    ps.setLong(++i, n.outageIds().size());
    ps.setString(++i, String.join(",", n.outageIds()));
    ps.setLong(++i, n.sites());
    ps.setLong(++i, n.cells());
    ps.setLong(++i, n.complaints());
  }

  static void workImpact(PreparedStatement ps, WorkImpact w) throws SQLException {
    int i = 0;
    ps.setString(++i, w.workId());
    setTime(ps, ++i, w.start());
    setTime(ps, ++i, w.end());
    ps.setLong(++i, w.outages());
    ps.setLong(++i, w.complaints());
    ps.setDouble(++i, w.outageMinutes());
    ps.setLong(++i, w.overrunOutages());
    ps.setDouble(++i, w.overrunMinutes());
  }

  static void outageStatus(PreparedStatement ps, OutageStatus s) throws SQLException {
    int i = 0;
    ps.setString(++i, s.outageId());
    ps.setString(++i, s.status());
    setTime(ps, ++i, s.at());
    ps.setString(++i, s.cellId());
    ps.setString(++i, s.region());
    ps.setString(++i, s.technology());
    setTime(ps, ++i, s.start());
    setTime(ps, ++i, s.end());
    ps.setDouble(++i, s.elapsedMinutes());
    setDouble(ps, ++i, s.goldenWindowMinutes());
    ps.setBoolean(++i, s.planned());
    ps.setString(++i, s.workId());
    setTime(ps, ++i, s.plannedUntil());
  }

  /** open 0 < closed 1 < reopened 2: at the same instant a re-opening follows the clear it withdraws. */
  static int rank(String status) {
    return switch (status) {
      case OutageStatus.OPEN -> 0;
      case OutageStatus.CLOSED -> 1;
      default -> 2;
    };
  }

  static void openOutage(PreparedStatement ps, OutageStatus s) throws SQLException {
    int i = 0;
    ps.setString(++i, s.outageId());
    ps.setString(++i, s.status());
    ps.setInt(++i, rank(s.status()));
    setTime(ps, ++i, s.at());
    ps.setString(++i, s.cellId());
    ps.setString(++i, s.region());
    ps.setString(++i, s.technology());
    setTime(ps, ++i, s.start());
    setTime(ps, ++i, s.end());
    setDouble(ps, ++i, s.goldenWindowMinutes());
    ps.setBoolean(++i, s.planned());
    ps.setString(++i, s.workId());
    setTime(ps, ++i, s.plannedUntil());
  }

  static void alert(PreparedStatement ps, Alert a) throws SQLException {
    boolean resolved = a.status() == AlertStatus.RESOLVED;
    int i = 0;
    ps.setString(++i, a.alertId());
    ps.setString(++i, a.type().name());
    ps.setString(++i, a.status().json());
    ps.setString(++i, a.region());
    setTime(ps, ++i, resolved ? null : a.at());
    setTime(ps, ++i, resolved ? a.at() : null);
    ps.setString(++i, a.outageId());
    ps.setString(++i, a.cellId());
    setDouble(ps, ++i, a.elapsedMinutes());
    setDouble(ps, ++i, a.goldenWindowMinutes());
    setTime(ps, ++i, a.windowStart());
    setTime(ps, ++i, a.windowEnd());
    setLong(ps, ++i, a.count());
    setDouble(ps, ++i, a.threshold());
    setDouble(ps, ++i, a.expected());
    setLong(ps, ++i, a.outagesOpen());
    ps.setString(++i, a.explainingOutages() == null ? null : String.join(",", a.explainingOutages()));
    ps.setBoolean(++i, a.planned());
    ps.setString(++i, a.workId());
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static void setTime(PreparedStatement ps, int i, Long epochMillis) throws SQLException {
    if (epochMillis == null) {
      ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(i, Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }
}
