package com.faultlink.tools.generator;

import java.util.SplittableRandom;

/**
 * The lifecycle of every generated complaint's ticket (TMF621 status changes), from a random stream of its own: the
 * complaints, outages and imperfections are the same bytes with and without it, except that some {@code major}
 * complaints become {@code critical} (the urgent tier).
 *
 * <p>Per tier (the contract's default: critical urgent 2 h, major important 24 h, the rest normal 72 h), the time to
 * resolve is lognormal: urgent median 70 min (σ 0.5, about 14 % past the deadline), important 10 h (σ 0.7, about
 * 11 %), normal 30 h (σ 0.6, about 7 %). 3 % are cancelled instead (exponential, mean half the tier's time). Most
 * tickets are acknowledged 1-21 min after creation, half get an {@code inProgress}; the resolution is a {@code
 * TroubleTicketResolvedEvent} (half), a status {@code resolved} (30 %) or {@code closed} (20 %); 30 % of resolved
 * tickets are closed again later (not applied), 1 % reopened and resolved once more (not applied). Statuses after
 * the data's end are not written: those tickets are still open.
 *
 * <p>Disorder: 2 % of status lines are placed 1-120 s late; an acknowledgement 10-60 s after its creation (3 % of tickets) is
 * placed just ahead of its ticket's creation line (within the 5-minute out-of-orderness); every 500th status
 * line is written twice (same {@code eventId}); one status names a ticket that was never created ({@code
 * TT-unknown-1}).
 */
final class TicketLives {
  static final double CRITICAL_SHARE_OF_MAJOR = 0.3;
  static final double CANCELLED_SHARE = 0.03;
  static final double QUICK_ACK_SHARE = 0.03;
  static final double LATE_SHARE = 0.02;
  static final String[] TIERS = {"urgent", "important", "normal"};
  static final long[] DEADLINE_SECONDS = {2 * 3600, 24 * 3600, 72 * 3600};
  static final double[] MEDIAN_SECONDS = {70 * 60, 10 * 3600, 30 * 3600};
  static final double[] SIGMA = {0.5, 0.7, 0.6};

  /** What was put in (before the sink drops lines after the end). */
  static final class Stats {
    final long[] tickets = new long[3];
    final long[] resolved = new long[3];
    final long[] resolvedLate = new long[3];
    final long[] cancelled = new long[3];
    long statusLines;
    long aheadOfCreation;
    long late;
    long duplicated;
    long reclosed;
    long reopened;
    long unknownTicket;
  }

  private final SplittableRandom r;
  private final LineSink sink;
  private final EventRenderer render = new EventRenderer();
  private final long until;
  final Stats stats = new Stats();
  private long n;

  TicketLives(SplittableRandom r, LineSink sink, long until) {
    this.r = r;
    this.sink = sink;
    this.until = until;
  }

  /** The severity a complaint is written with: some majors are critical. */
  String severity(String drawn) {
    return "major".equals(drawn) && r.nextDouble() < CRITICAL_SHARE_OF_MAJOR ? "critical" : drawn;
  }

  static int tier(String severity) {
    return "critical".equals(severity) ? 0 : "major".equals(severity) ? 1 : 2;
  }

  /** The status changes of the ticket created at {@code created} (epoch seconds). */
  void ticket(String ticketId, long created, String severity) {
    int tier = tier(severity);
    if (created >= until) {
      return;
    }
    stats.tickets[tier]++;
    long deadline = DEADLINE_SECONDS[tier];
    // A quick acknowledgement (10-60 s) is written just ahead of its ticket's creation line.
    boolean quick = r.nextDouble() < QUICK_ACK_SHARE;
    long ack = quick ? created + 10 + r.nextLong(50) : created + 60 + r.nextLong(20 * 60);
    if (r.nextDouble() < CANCELLED_SHARE) {
      long at = created + 60 + (long) Rand.exponential(r, 2.0 / deadline);
      if (ack < at) {
        acknowledge(ticketId, ack, created, quick);
      }
      status(ticketId, "cancelled", at, created);
      stats.cancelled[tier]++;
      return;
    }
    long resolvedAt = created + Math.max(120, (long) Rand.lognormal(r, MEDIAN_SECONDS[tier], SIGMA[tier]));
    if (ack < resolvedAt) {
      acknowledge(ticketId, ack, created, quick);
      if (r.nextDouble() < 0.5) {
        status(ticketId, "inProgress", ack + (resolvedAt - ack) / 2, created);
      }
    }
    double kind = r.nextDouble();
    if (kind < 0.5) {
      line(resolvedAt, render.resolved(nextId(), ticketId, resolvedAt), created);
    } else {
      status(ticketId, kind < 0.8 ? "resolved" : "closed", resolvedAt, created);
    }
    if (resolvedAt < until) {
      stats.resolved[tier]++;
      if (resolvedAt - created > deadline) {
        stats.resolvedLate[tier]++;
      }
    }
    double after = r.nextDouble();
    if (after < 0.01) {
      long reopen = resolvedAt + 3600 + r.nextLong(5 * 3600);
      status(ticketId, "inProgress", reopen, created);
      status(ticketId, "resolved", reopen + 3600 + r.nextLong(11 * 3600), created);
      stats.reopened++;
    } else if (after < 0.31) {
      status(ticketId, "closed", resolvedAt + 3600 + r.nextLong(47 * 3600), created);
      stats.reclosed++;
    }
  }

  /** One status naming a ticket that was never created: counted and ignored. */
  void unknownTicket(long at) {
    status("TT-unknown-1", "resolved", at, at);
    stats.unknownTicket++;
  }

  private void status(String ticketId, String status, long at, long created) {
    line(at, render.statusChange(nextId(), ticketId, status, at), created, false);
  }

  private void acknowledge(String ticketId, long at, long created, boolean ahead) {
    line(at, render.statusChange(nextId(), ticketId, "acknowledged", at), created, ahead);
  }

  private void line(long at, byte[] bytes, long created) {
    line(at, bytes, created, false);
  }

  /**
   * @param ahead placed one second before its ticket's creation: at most a minute ahead of the lines around it, so
   *     every line stays within the 5-minute out-of-orderness
   */
  private void line(long at, byte[] bytes, long created, boolean ahead) {
    if (at >= until) {
      return;
    }
    stats.statusLines++;
    long position = at;
    if (ahead) {
      position = created - 1;
      stats.aheadOfCreation++;
    } else if (r.nextDouble() < LATE_SHARE) {
      position = at + 1 + r.nextLong(LineSink.MAX_DELAY_SECONDS);
      stats.late++;
    }
    sink.lifecycle(at, position, bytes);
    if (n % 500 == 0) {
      sink.lifecycleDuplicate(at, position + 1 + r.nextLong(60), bytes);
      stats.duplicated++;
    }
  }

  private String nextId() {
    return "ev-t-" + (++n);
  }

  /** One line for the generator's summary: tickets per tier, how they ended, the status lines and their disorder. */
  String describe(long linesWritten) {
    StringBuilder b = new StringBuilder("tickets");
    for (int i = 0; i < 3; i++) {
      b.append(i == 0 ? " " : ", ").append(TIERS[i]).append(' ').append(stats.tickets[i]).append(" (")
          .append(stats.resolved[i]).append(" resolved, ").append(stats.resolvedLate[i]).append(" late, ")
          .append(stats.cancelled[i]).append(" cancelled)");
    }
    return b.append("; ").append(linesWritten).append(" status lines (").append(stats.aheadOfCreation)
        .append(" ahead of their ticket, ").append(stats.late).append(" late, ").append(stats.duplicated)
        .append(" duplicate, ").append(stats.reclosed).append(" closed again, ").append(stats.reopened)
        .append(" reopened, ").append(stats.unknownTicket).append(" for an unknown ticket)").toString();
  }
}
