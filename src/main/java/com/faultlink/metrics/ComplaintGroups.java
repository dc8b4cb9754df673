package com.faultlink.metrics;

import com.faultlink.model.ComplaintBreakdown;
import com.faultlink.reference.Cell;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The groups a complaint is counted in for the metrics breakdowns: its channel, its ticket severity and the
 * technology of its serving cell. Each is a small fixed set of names (whatever the input says, an unknown value is
 * {@code other} / {@code unknown}), so no input can grow the state or the metrics records without bound, and no text
 * from the input reaches them.
 *
 * <p>Channels: the six the operator's front ends use ({@link #STANDARD_CHANNELS}), then the configured escalation
 * channels ({@code breakdowns.escalationChannels}: complaints that went over the operator's head, to the regulator
 * or a "越级" line), then {@code other} (missing included). Names are matched ignoring case and surrounding blanks.
 */
public final class ComplaintGroups implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final List<String> STANDARD_CHANNELS = ComplaintBreakdown.STANDARD_CHANNELS;
  public static final List<String> DEFAULT_ESCALATION_CHANNELS = List.of("regulator", "越级");
  public static final List<String> SEVERITIES = ComplaintBreakdown.SEVERITIES;
  public static final List<String> TECHNOLOGIES = ComplaintBreakdown.TECHNOLOGIES;
  public static final String OTHER = ComplaintBreakdown.OTHER;
  public static final String UNKNOWN = ComplaintBreakdown.UNKNOWN;

  private final List<String> channels;
  private final Set<String> escalation;

  public ComplaintGroups(List<String> escalationChannels) {
    Set<String> names = new LinkedHashSet<>(STANDARD_CHANNELS);
    Set<String> esc = new LinkedHashSet<>();
    for (String e : escalationChannels) {
      String n = normal(e);
      names.add(n);
      esc.add(n);
    }
    names.add(OTHER);
    this.channels = List.copyOf(new ArrayList<>(names));
    this.escalation = Set.copyOf(esc);
  }

  /** The default groups: escalation channels {@code regulator} and {@code 越级}. */
  public static ComplaintGroups defaults() {
    return new ComplaintGroups(DEFAULT_ESCALATION_CHANNELS);
  }

  private static String normal(String s) {
    return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
  }

  /** Every channel name, in the order the metrics write them: standard, escalation, {@code other}. */
  public List<String> channels() {
    return channels;
  }

  public String channelOf(String channelName) {
    String n = normal(channelName);
    return n != null && channels.contains(n) && !OTHER.equals(n) ? n : OTHER;
  }

  public boolean escalated(String channelName) {
    String n = normal(channelName);
    return n != null && escalation.contains(n);
  }

  public static String severityOf(String severity) {
    String n = normal(severity);
    return n != null && SEVERITIES.contains(n) ? n : OTHER;
  }

  /** The serving cell's technology from the cell table; {@code unknown} where the complaint named no known cell. */
  public static String technologyOf(Cell cell) {
    if (cell == null || cell.technology() == null) {
      return UNKNOWN;
    }
    for (String t : TECHNOLOGIES) {
      if (t.equalsIgnoreCase(cell.technology().trim())) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
