package com.faultlink;

import com.faultlink.config.FaultLinkConfig;
import com.faultlink.io.output.FileOutputs;
import com.faultlink.io.output.KafkaOutputs;
import com.faultlink.io.output.KeyedLine;
import com.faultlink.io.output.OutputJson;
import com.faultlink.io.output.OutputLines;
import com.faultlink.io.output.alertmanager.AlertmanagerSink;
import com.faultlink.io.output.jdbc.JdbcOutputs;
import com.faultlink.model.OpenTicket;
import com.faultlink.model.OutageStatus;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Every output stream of the pipeline to the configured sinks: files, Kafka topics, Alertmanager, the database. */
final class JobOutputs {
  private JobOutputs() {}

  /** A local run replaces the output folders; a cluster run claims them (and refuses another run's). */
  static void write(FaultLinkPipeline.Outputs outputs, FaultLinkConfig config, boolean replaceOutputs) {
    Map<String, DataStream<KeyedLine>> lines = outputLines(outputs, config.timezone());
    if (config.sinks().dir() != null) {
      Path dir = Path.of(config.sinks().dir());
      if (replaceOutputs) {
        FileOutputs.prepare(dir);
      } else {
        FileOutputs.claimForCluster(dir);
      }
      lines.forEach((stream, l) -> FileOutputs.writeKeyed(l, dir, stream));
      writeGoldenWindowTable(outputs, dir, config.timezone());
    }
    if (config.sinks().kafka() != null) {
      lines.forEach((stream, l) -> KafkaOutputs.write(l, config.sinks().kafka(), stream));
    }
    writeToDashboards(outputs, config);
  }

  /** Alerts to Alertmanager, tables to the database, where configured. */
  static void writeToDashboards(FaultLinkPipeline.Outputs outputs, FaultLinkConfig config) {
    if (config.sinks().alertmanager() != null && outputs.alerts() != null) {
      // One writer: an alert's firing and resolved records must meet in the same one.
      outputs.alerts().sinkTo(new AlertmanagerSink(config.sinks().alertmanager(), config.timezone()))
          .setParallelism(1).uid("sink-alertmanager").name("Send alerts (Alertmanager)");
    }
    if (config.sinks().jdbc() != null) {
      JdbcOutputs.write(config.sinks().jdbc(), outputs.metrics(), outputs.goldenWindows(), outputs.outageImpacts(),
          outputs.workImpacts(), outputs.outageStatus() == null ? null
              : outputs.outageStatus().keyBy(OutageStatus::outageId).map(s -> s).returns(OutageStatus.class)
                  .uid("outage-status-by-outage").name("Outage status by outage"),
          outputs.alerts(), outputs.incidents());
      JdbcOutputs.writeBurstThresholds(config.sinks().jdbc(), outputs.burstThresholds());
      if (outputs.openTickets() != null) {
        JdbcOutputs.writeOpenTickets(config.sinks().jdbc(), outputs.openTickets().keyBy(OpenTicket::ticketId)
            .map(t -> t).returns(OpenTicket.class).uid("open-tickets-by-ticket").name("Open tickets by ticket"));
      }
    }
  }

  /**
   * Every output stream the pipeline produces, as JSON lines with their Kafka record keys (the README's
   * "Record keys" table), by stream name; the same lines go to files and topics. Streams this configuration
   * does not produce are absent.
   */
  static Map<String, DataStream<KeyedLine>> outputLines(FaultLinkPipeline.Outputs outputs, ZoneId zone) {
    Map<String, DataStream<KeyedLine>> lines = new LinkedHashMap<>();
    lines.put("attributions", json(outputs.attributions(), "attributions",
        a -> new KeyedLine(a.outageId() != null ? a.outageId() : a.complaintId(), OutputJson.attribution(a, zone))));
    lines.put("outage-impacts", json(outputs.outageImpacts(), "outage-impacts",
        i -> new KeyedLine(i.outageId(), OutputJson.outageImpact(i, zone))));
    if (outputs.alerts() != null) {
      lines.put("alerts", json(outputs.alerts(), "alerts", a -> new KeyedLine(a.region(), OutputJson.alert(a, zone))));
    }
    lines.put("metrics", json(outputs.metrics(), "metrics", m -> new KeyedLine(m.region(), OutputJson.metrics(m))));
    if (outputs.goldenWindows() != null) {
      lines.put("golden-windows", json(outputs.goldenWindows(), "golden-windows",
          g -> new KeyedLine(g.region(), OutputJson.goldenWindow(g, zone))));
    }
    if (outputs.burstThresholds() != null) {
      lines.put("burst-thresholds", json(outputs.burstThresholds(), "burst-thresholds",
          b -> new KeyedLine(b.region(), OutputJson.burstThreshold(b, zone))));
    }
    lines.put("dead-letters", json(outputs.deadLetters(), "dead-letters",
        d -> new KeyedLine(d.source(), OutputJson.deadLetter(d))));
    if (outputs.workImpacts() != null) {
      lines.put("work-impacts", json(outputs.workImpacts(), "work-impacts",
          w -> new KeyedLine(w.workId(), OutputJson.workImpact(w, zone))));
    }
    if (outputs.outageStatus() != null) {
      lines.put("outage-status", json(outputs.outageStatus(), "outage-status",
          st -> new KeyedLine(st.outageId(), OutputJson.outageStatus(st, zone))));
    }
    if (outputs.incidents() != null) {
      lines.put("incidents", json(outputs.incidents(), "incidents",
          i -> new KeyedLine(i.incidentId(), OutputJson.incident(i, zone))));
    }
    if (outputs.hotspots() != null) {
      lines.put("hotspots", json(outputs.hotspots(), "hotspots",
          h -> new KeyedLine(h.region(), OutputJson.hotspot(h))));
    }
    if (outputs.openTickets() != null) {
      lines.put("open-tickets", json(outputs.openTickets(), "open-tickets",
          t -> new KeyedLine(t.ticketId(), OutputJson.openTicket(t, zone))));
    }
    if (outputs.ticketMetrics() != null) {
      lines.put("ticket-metrics", json(outputs.ticketMetrics(), "ticket-metrics",
          m -> new KeyedLine(m.region(), OutputJson.ticketMetrics(m))));
    }
    return lines;
  }

  private static <T> DataStream<KeyedLine> json(DataStream<T> records, String stream, OutputLines.ToLine<T> toLine) {
    return records.transform("JSON: " + stream, TypeInformation.of(KeyedLine.class),
        new OutputLines<>(stream, toLine)).uid("json-" + stream);
  }

  /** The analysts' golden-window table: a file only. */
  static void writeGoldenWindowTable(FaultLinkPipeline.Outputs outputs, Path dir, ZoneId zone) {
    if (outputs.goldenWindowTable() != null) {
      FileOutputs.write(outputs.goldenWindowTable().map(r -> OutputJson.goldenScopeReport(r, zone))
          .uid("json-golden-window-table").name("JSON: golden-window table"), dir, "golden-window-table");
    }
  }
}
