package com.faultlink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ticket lifecycle (contract "Ticket lifecycle"): whether status changes are read, the service tiers that a
 * ticket's TMF621 {@code severity} puts it in, and what the overdue worklist and alert look at.
 *
 * @param lifecycle read {@code TroubleTicketStatusChangeEvent} / {@code TroubleTicketResolvedEvent}; when false they
 *     are skipped and counted, and every ticket figure is null
 * @param tiers in order; a ticket takes the first tier naming its severity, else the one tier naming none (the
 *     catch-all, a missing severity included)
 * @param overdueAlertCount {@code TICKETS_OVERDUE} fires when a region's overdue tickets of one tier reach this many
 * @param nearDeadlineFraction a ticket joins the {@code open-tickets} worklist once this fraction of its tier's time
 *     has passed unresolved (1: only once overdue)
 * @param retention a ticket still unresolved this long after its deadline is forgotten (counted): it stops counting
 *     as overdue, so that state does not grow without bound on a live input
 */
public record TicketsConfig(boolean lifecycle, List<Tier> tiers, int overdueAlertCount, double nearDeadlineFraction,
    Duration retention) implements Serializable {

  /** A service tier: its name in outputs, its response time, the severities it takes (empty: the catch-all). */
  public record Tier(String name, Duration deadline, List<String> severities) implements Serializable {}

  public static final List<Tier> DEFAULT_TIERS = List.of(
      new Tier("urgent", Duration.ofHours(2), List.of("critical")),
      new Tier("important", Duration.ofHours(24), List.of("major")),
      new Tier("normal", Duration.ofHours(72), List.of()));

  public static final TicketsConfig DEFAULTS =
      new TicketsConfig(false, DEFAULT_TIERS, 10, 0.75, Duration.ofDays(30));

  /** The defaults with the lifecycle read (tests). */
  public static TicketsConfig withLifecycle() {
    return new TicketsConfig(true, DEFAULT_TIERS, DEFAULTS.overdueAlertCount(), DEFAULTS.nearDeadlineFraction(),
        DEFAULTS.retention());
  }

  /** The tier of a ticket with this TMF621 severity (null: none given). */
  public Tier tierOf(String severity) {
    Tier catchAll = null;
    for (Tier t : tiers) {
      if (t.severities().isEmpty()) {
        catchAll = t;
      } else if (severity != null && t.severities().contains(severity)) {
        return t;
      }
    }
    return catchAll;
  }

  public List<String> tierNames() {
    List<String> names = new ArrayList<>();
    tiers.forEach(t -> names.add(t.name()));
    return names;
  }

  static TicketsConfig read(ConfigNode node) {
    boolean lifecycle = node.bool("lifecycle", DEFAULTS.lifecycle());
    List<Tier> tiers = DEFAULT_TIERS;
    if (node.has("tiers")) {
      ConfigNode t = node.child("tiers");
      tiers = new ArrayList<>();
      Set<String> severities = new HashSet<>();
      int catchAlls = 0;
      for (String name : t.keys()) {
        if (name.isBlank() || "*".equals(name)) {
          throw new ConfigException("config key '" + t.keyPath(name) + "': a tier needs a name other than '*'");
        }
        ConfigNode tier = t.child(name);
        Duration deadline = tier.duration("deadline", null, false);
        if (deadline == null) {
          throw new ConfigException("config key '" + tier.keyPath("deadline") + "' is missing");
        }
        List<String> sev = tier.strings("severities", List.of());
        for (String s : sev) {
          if (!severities.add(s)) {
            throw new ConfigException("config key '" + tier.keyPath("severities") + "': severity '" + s
                + "' is in two tiers");
          }
        }
        if (sev.isEmpty()) {
          catchAlls++;
        }
        tiers.add(new Tier(name, deadline, List.copyOf(sev)));
      }
      if (catchAlls != 1) {
        throw new ConfigException("config key '" + node.keyPath("tiers") + "': exactly one tier must name no"
            + " severities (it takes every other severity, a missing one included); found " + catchAlls);
      }
      tiers = List.copyOf(tiers);
    }
    int count = node.integer("overdueAlertCount", DEFAULTS.overdueAlertCount(), 1, 1_000_000);
    double near = node.number("nearDeadlineFraction", DEFAULTS.nearDeadlineFraction(), 0.0, 1.0);
    Duration retention = node.duration("retention", DEFAULTS.retention(), false);
    return new TicketsConfig(lifecycle, tiers, count, near, retention);
  }
}
