package com.faultlink;

import com.faultlink.burst.BurstDetector;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.GoldenConfig;
import com.faultlink.config.IncidentsConfig;
import com.faultlink.correlate.AlarmAck;
import com.faultlink.correlate.AlarmPairer;
import com.faultlink.correlate.AssemblyNotice;
import com.faultlink.correlate.BucketedDuplicateFilter;
import com.faultlink.correlate.CellAlarm;
import com.faultlink.correlate.AttributionAreas;
import com.faultlink.correlate.ComplaintAttributor;
import com.faultlink.correlate.DuplicateFilter;
import com.faultlink.correlate.NoiseSlimmer;
import com.faultlink.correlate.OutageAlarmFilter;
import com.faultlink.correlate.OutageAssembler;
import com.faultlink.correlate.OutageFanOut;
import com.faultlink.correlate.ImpactAcks;
import com.faultlink.correlate.OutageAck;
import com.faultlink.correlate.OutageAckMatcher;
import com.faultlink.correlate.OutageImpactTracker;
import com.faultlink.correlate.OutageNearSite;
import com.faultlink.model.GoldenScopeReport;
import com.faultlink.incident.AlertIncidentTagger;
import com.faultlink.incident.ImpactIncidentTagger;
import com.faultlink.incident.IncidentFact;
import com.faultlink.incident.IncidentMembership;
import com.faultlink.incident.IncidentTracker;
import com.faultlink.incident.MassOutageIncidents;
import com.faultlink.incident.Membership;
import com.faultlink.incident.RootAlarm;
import com.faultlink.incident.RootAlarmPairer;
import com.faultlink.incident.RootAlarmRule;
import com.faultlink.incident.SiteRoot;
import com.faultlink.incident.UnknownCauseGrouper;
import com.faultlink.golden.GoldenWindowAlerter;
import com.faultlink.golden.GoldenWindowLearner;
import com.faultlink.golden.MassOutageDetector;
import com.faultlink.golden.ScopedClosedOutage;
import com.faultlink.golden.Scopes;
import com.faultlink.golden.WindowInForce;
import com.faultlink.io.input.AlarmParser;
import com.faultlink.io.input.ComplaintParser;
import com.faultlink.io.input.CustomerKeyHasher;
import com.faultlink.io.input.EventTimes;
import com.faultlink.io.input.ParseLines;
import com.faultlink.io.input.TimeSanity;
import com.faultlink.io.input.SubscriberMask;
import com.faultlink.io.input.WorkParser;
import com.faultlink.metrics.ComplaintFact;
import com.faultlink.metrics.ComplaintGroups;
import com.faultlink.metrics.HotspotRanker;
import com.faultlink.metrics.TargetJudge;
import com.faultlink.metrics.ComplaintScopes;
import com.faultlink.metrics.MetricsReport;
import com.faultlink.metrics.OutageScopes;
import com.faultlink.metrics.PeriodTotals;
import com.faultlink.metrics.RegionPeriodAggregator;
import com.faultlink.metrics.ScopedOutage;
import com.faultlink.model.AlarmEvent;
import com.faultlink.model.Alert;
import com.faultlink.model.BurstThreshold;
import com.faultlink.model.GoldenWindow;
import com.faultlink.model.Incident;
import com.faultlink.model.Hotspot;
import com.faultlink.model.Attribution;
import com.faultlink.model.Complaint;
import com.faultlink.model.DeadLetter;
import com.faultlink.model.Outage;
import com.faultlink.model.OutageImpact;
import com.faultlink.model.PlannedWork;
import com.faultlink.model.OutageStatus;
import com.faultlink.model.RegionMetrics;
import com.faultlink.model.WorkImpact;
import com.faultlink.model.OpenTicket;
import com.faultlink.model.TicketMetrics;
import com.faultlink.config.TicketsConfig;
import com.faultlink.tickets.OverdueChange;
import com.faultlink.tickets.TicketCreations;
import com.faultlink.tickets.TicketFact;
import com.faultlink.tickets.TicketLifecycle;
import com.faultlink.tickets.TicketOverdueAlerter;
import com.faultlink.tickets.TicketPeriodAggregator;
import com.faultlink.tickets.TicketPeriodFact;
import com.faultlink.tickets.TicketScopes;
import com.faultlink.planned.WorkFact;
import com.faultlink.planned.WorkImpactTracker;
import com.faultlink.status.OutageStatusTracker;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import com.faultlink.reference.TopologyTable;
import com.faultlink.runtime.CounterNames;
import com.faultlink.runtime.EventTimeWatermarks;
import com.faultlink.runtime.InputHorizonOperator;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.slf4j.LoggerFactory;

/**
 * The FaultLink dataflow, from input lines to output records, read top to bottom: parse (dead letters
 * aside) → drop duplicates → assemble outages → attribute complaints → group outages into incidents (common
 * cause) → sum up outages → golden windows and alerts → period metrics → complaint bursts.
 * Sources and sinks are the caller's: files for the local run, collecting sinks in tests.
 */
public final class FaultLinkPipeline {

  /**
   * Raw input lines; {@code works} may be null. {@code unbounded}: the alarm and complaint inputs are live
   * (they never end), so event time may follow the wall clock while they are quiet (see
   * {@link EventTimeWatermarks}); bounded inputs never look at the clock. An input <em>timed at its
   * source</em> already carries each event's domain time as its timestamp, with watermarks (a Kafka topic:
   * per partition, see {@link #watermarks}); it is not timed again after parsing.
   */
  public record Inputs(DataStream<String> alarms, DataStream<String> complaints, DataStream<String> works,
      boolean unbounded, boolean alarmsTimedAtSource, boolean complaintsTimedAtSource) {
    /** Bounded inputs timed after parsing (files, bounded topics, tests). */
    public Inputs(DataStream<String> alarms, DataStream<String> complaints, DataStream<String> works) {
      this(alarms, complaints, works, false, false, false);
    }

    public Inputs(DataStream<String> alarms, DataStream<String> complaints, DataStream<String> works,
        boolean unbounded) {
      this(alarms, complaints, works, unbounded, false, false);
    }
  }

  /** Every output stream of the contract; a stream this build does not produce yet is null. */
  public record Outputs(
      DataStream<Attribution> attributions,
      DataStream<OutageImpact> outageImpacts,
      DataStream<RegionMetrics> metrics,
      DataStream<DeadLetter> deadLetters,
      DataStream<Outage> outages,
      DataStream<Alert> alerts,
      DataStream<GoldenWindow> goldenWindows,
      DataStream<BurstThreshold> burstThresholds,
      DataStream<GoldenScopeReport> goldenWindowTable,
      DataStream<WorkImpact> workImpacts,
      DataStream<OutageStatus> outageStatus,
      DataStream<Incident> incidents,
      DataStream<Hotspot> hotspots,
      DataStream<OpenTicket> openTickets,
      DataStream<TicketMetrics> ticketMetrics) {

    /** Without the incidents', hotspots' and ticket lifecycle's streams. */
    public Outputs(DataStream<Attribution> attributions, DataStream<OutageImpact> outageImpacts,
        DataStream<RegionMetrics> metrics, DataStream<DeadLetter> deadLetters, DataStream<Outage> outages,
        DataStream<Alert> alerts, DataStream<GoldenWindow> goldenWindows, DataStream<BurstThreshold> burstThresholds,
        DataStream<GoldenScopeReport> goldenWindowTable, DataStream<WorkImpact> workImpacts,
        DataStream<OutageStatus> outageStatus) {
      this(attributions, outageImpacts, metrics, deadLetters, outages, alerts, goldenWindows, burstThresholds,
          goldenWindowTable, workImpacts, outageStatus, null, null, null, null);
    }
  }


  private final FaultLinkConfig config;
  private final CellTable cells;
  private final RegionTable regions;
  private final TopologyTable topology;

  /** With the topology table the config names ({@code reference.topology}), if any. */
  public FaultLinkPipeline(FaultLinkConfig config, CellTable cells, RegionTable regions) {
    this(config, cells, regions, TopologyTable.forConfig(config.reference().topology(), cells));
  }

  public FaultLinkPipeline(FaultLinkConfig config, CellTable cells, RegionTable regions, TopologyTable topology) {
    this.config = config;
    this.cells = cells;
    this.regions = regions;
    this.topology = topology;
    for (String key : config.kpi().overridesOutside(regions.regions())) {
      LoggerFactory.getLogger(FaultLinkPipeline.class)
          .warn("config key '{}': no such region in the region table; the override never applies", key);
    }
  }

  /** The parser of alarm lines with the default subscriber pattern and the development key (tests, tools). */
  public static ParseLines.ParserFactory<AlarmEvent> alarmParsers() {
    return () -> new AlarmParser()::parse;
  }

  /** The parser of alarm lines, built inside each task; masks with the config's pattern and key. */
  public static ParseLines.ParserFactory<AlarmEvent> alarmParsers(FaultLinkConfig config) {
    String secret = config.customerKeySecret();
    String pattern = config.subscriberPattern();
    return () -> new AlarmParser(new SubscriberMask(pattern, new CustomerKeyHasher(secret)))::parse;
  }

  /** The parser of complaint lines, built inside each task. */
  public static ParseLines.ParserFactory<Complaint> complaintParsers(FaultLinkConfig config, CellTable cells) {
    String secret = config.customerKeySecret();
    String pattern = config.subscriberPattern();
    boolean lifecycle = config.tickets().lifecycle();
    return () -> {
      CustomerKeyHasher hasher = new CustomerKeyHasher(secret);
      return new ComplaintParser(cells, hasher, new SubscriberMask(pattern, hasher), lifecycle)::parse;
    };
  }

  /** The parser of planned-work lines, built inside each task. */
  public static ParseLines.ParserFactory<PlannedWork> workParsers(FaultLinkConfig config) {
    String secret = config.customerKeySecret();
    String pattern = config.subscriberPattern();
    return () -> new WorkParser(new SubscriberMask(pattern, new CustomerKeyHasher(secret)))::parse;
  }

  /**
   * The time checks of an input (the contract's "Implausible times"), with the wall clock read now: at job
   * start. {@code unbounded}: live inputs, whose latest plausible time moves on with the clock.
   */
  public static TimeSanity timeSanity(FaultLinkConfig config, boolean unbounded) {
    return TimeSanity.startingNow(config.input(), unbounded);
  }

  /**
   * The event-time watermarks of every timed input, wherever they are assigned (after parsing, or per Kafka
   * partition in the source): bounded out-of-orderness. The one place to change how event time advances.
   */
  public static <T> WatermarkStrategy<T> watermarks(FaultLinkConfig config, boolean unbounded,
      SerializableTimestampAssigner<T> time) {
    return EventTimeWatermarks.forSource(unbounded, config.watermarks().followWallClockWhenIdle(),
        config.outOfOrderness(), config.watermarks().idleAfter(), time);
  }

  private long mergeGapMillis() {
    return config.outages().mergeGap().toMillis();
  }

  public Outputs build(Inputs in) {
    int maxRaw = config.deadLetters().maxRawChars();
    boolean origins = config.deadLetters().origin();

    // 1. Parse each input; rejected lines go to the dead letters whole, with a reason: lines dated implausibly
    //    or too late among included, before they are timed, so they move no watermark and open no period.
    TimeSanity sanity = timeSanity(config, in.unbounded());
    SingleOutputStreamOperator<AlarmEvent> alarmsParsed = in.alarms()
        .process(new ParseLines<AlarmEvent>("alarms", alarmParsers(config), maxRaw,
            EventTimes.alarms(OutageAlarmFilter.rule(config.outages().causes(), cells)), sanity).withOrigins(origins))
        .returns(AlarmEvent.class).uid("parse-alarms").name("Parse alarms (TMF642)");
    SingleOutputStreamOperator<Complaint> complaintsParsed = in.complaints()
        .process(new ParseLines<Complaint>("complaints", complaintParsers(config, cells), maxRaw,
            EventTimes.complaints(), sanity).withOrigins(origins))
        .returns(Complaint.class).uid("parse-complaints").name("Parse complaints (TMF621)");
    DataStream<DeadLetter> deadLetters = alarmsParsed.getSideOutput(ParseLines.DEAD_LETTERS)
        .union(complaintsParsed.getSideOutput(ParseLines.DEAD_LETTERS));
    // Works carry no event time of their own: a bounded works input holds the watermark of what it feeds
    // until it is read to its end (then releases it), so every work is known before any alarm is applied.
    SingleOutputStreamOperator<PlannedWork> works = null;
    if (in.works() != null) {
      works = in.works()
          .process(new ParseLines<PlannedWork>("works", workParsers(config), maxRaw).withOrigins(origins))
          .returns(PlannedWork.class).uid("parse-works").name("Parse planned works");
      deadLetters = deadLetters.union(works.getSideOutput(ParseLines.DEAD_LETTERS));
    }

    // 2. Event time is the domain time (raise, clear, creation), with bounded out-of-orderness; live
    //    (unbounded) inputs follow the wall clock while quiet, so timers fire at night too. Inputs timed at
    //    their source (Kafka, per partition) already carry it.
    DataStream<AlarmEvent> alarmsTimed = in.alarmsTimedAtSource() ? alarmsParsed
        : alarmsParsed.assignTimestampsAndWatermarks(
                watermarks(config, in.unbounded(), (AlarmEvent a, long previous) -> a.time()))
            .uid("watermarks-alarms").name("Event time: alarms");
    DataStream<Complaint> complaintsTimed = in.complaintsTimedAtSource() ? complaintsParsed
        : complaintsParsed.assignTimestampsAndWatermarks(
                watermarks(config, in.unbounded(), (Complaint c, long previous) -> c.time()))
            .uid("watermarks-complaints").name("Event time: complaints");

    // Where a bounded input ends: outages still open then are reported up to that instant.
    // Each input's newest time is kept where it is read (chained), so only that one value per task travels on.
    // Beside it, the announced planned works: every assembly task knows them all.
    DataStream<Long> horizon = alarmsTimed.map(AlarmEvent::time).returns(Types.LONG)
        .uid("event-times-alarms").name("Event times: alarms")
        .transform("Input horizon: alarms", Types.LONG, new InputHorizonOperator()).uid("input-horizon-alarms")
        .union(complaintsTimed.map(Complaint::time).returns(Types.LONG)
            .uid("event-times-complaints").name("Event times: complaints")
            .transform("Input horizon: complaints", Types.LONG, new InputHorizonOperator())
            .uid("input-horizon-complaints"))
        .transform("Input horizon", Types.LONG, new InputHorizonOperator()).uid("input-horizon");
    DataStream<AssemblyNotice> notices = horizon
        .map(AssemblyNotice::horizon).returns(AssemblyNotice.class).uid("horizon-notices").name("Input horizon notices");
    if (works != null) {
      notices = notices.union(works.map(AssemblyNotice::work).returns(AssemblyNotice.class)
          .uid("work-notices").name("Planned works to outage assembly"));
    }
    BroadcastStream<AssemblyNotice> horizonAndWorks = notices.broadcast(OutageAssembler.HORIZON, OutageAssembler.WORKS);

    // 3. Alarms → outages: one event per eventId whatever kind of alarm each copy claims to be (noise — nine
    //    alarms in ten — crosses the dedup shuffle slimmed down), then outage alarms on known cells (noise counted
    //    and dropped), raise paired with clear, then per cell in event-time order, flapping merged, an outage still
    //    open outages.maxOpen after its start closed as stale.
    //    Root-cause alarms (incidents) are no noise: kept whole and branched off after deduplication.
    IncidentsConfig incidentsConfig = config.incidents();
    RootAlarmRule rootRule = new RootAlarmRule(incidentsConfig.rootCauses(), cells, topology);
    SingleOutputStreamOperator<AlarmEvent> alarmsDeduped = alarmsTimed
        .map(new NoiseSlimmer(config.outages().causes(), cells, rootRule)).returns(AlarmEvent.class)
        .uid("slim-noise-alarms").name("Slim down noise alarms")
        .keyBy(BucketedDuplicateFilter.keyOf(AlarmEvent::eventId), Types.INT)
        .process(new BucketedDuplicateFilter<AlarmEvent>(AlarmEvent::eventId, config.dedupRetention(),
            CounterNames.DUPLICATE_EVENTS, true))
        .returns(AlarmEvent.class).uid("dedup-alarm-ids").name("Drop duplicate alarm events");
    SingleOutputStreamOperator<CellAlarm> alarmsPaired = alarmsDeduped
        .filter(new OutageAlarmFilter(config.outages().causes(), cells))
        .uid("filter-outage-alarms").name("Keep outage alarms on known cells")
        .keyBy(AlarmEvent::alarmKey)
        .process(new AlarmPairer(config.dedupRetention(), config.outages().maxOpen()))
        .uid("pair-alarms").name("Pair raise and clear");
    // Clears that only their raise shows to be wrong (before it, or too late for a raise no longer open).
    deadLetters = deadLetters.union(alarmsPaired.getSideOutput(AlarmPairer.REJECTED_CLEARS)
        .map(d -> ParseLines.deadLetter(d.source(), d.reason(), d.raw(), maxRaw)).returns(DeadLetter.class)
        .uid("rejected-clears").name("Clears rejected by their raise"));
    DataStream<Outage> outages = alarmsPaired
        .keyBy(CellAlarm::cellId)
        .connect(horizonAndWorks)
        .process(new OutageAssembler(cells, config.outages().mergeGap(), config.planned(), config.outages().maxOpen()))
        .uid("assemble-outages").name("Assemble outages per cell");

    // 4. Complaints → attributions: one per ticket; keyed by area, against the outages of the complaint's
    //    cell, its site and its neighbours. Complaints naming no known cell are not attributed (one key).
    //    Ticket lifecycle events share the complaints' input, so their event ids are one set with the complaints'.
    boolean lifecycle = config.tickets().lifecycle();
    DataStream<Complaint> complaintEvents = complaintsTimed
        .keyBy(Complaint::eventId)
        .process(new DuplicateFilter<Complaint>(config.dedupRetention(), CounterNames.DUPLICATE_EVENTS, true))
        .returns(Complaint.class).uid("dedup-complaint-events").name("Drop duplicate complaint events");
    DataStream<Complaint> ticketStatuses = null;
    if (lifecycle) {
      ticketStatuses = complaintEvents.filter(Complaint::isStatusChange)
          .uid("ticket-statuses").name("Ticket status changes");
      complaintEvents = complaintEvents.filter(c -> !c.isStatusChange())
          .uid("complaints-not-statuses").name("Complaints (ticket creations)");
    }
    DataStream<Complaint> complaints = complaintEvents
        .keyBy(Complaint::ticketId)
        .process(new DuplicateFilter<Complaint>(config.dedupRetention(), CounterNames.DUPLICATE_TICKETS, false))
        .returns(Complaint.class).uid("dedup-tickets").name("Drop duplicate tickets");
    double radius = config.attribution().neighborRadiusKm();
    // Keyed by area (a grid of the radius), not by site: an outage is a handful of copies however dense the city.
    AttributionAreas areas = new AttributionAreas(cells, radius);
    DataStream<OutageNearSite> outagesNearSites = outages
        .flatMap(OutageFanOut.toAreas(areas))
        .uid("fan-out-outages").name("Send outages to nearby areas");
    long tail = config.attribution().tail().toMillis();
    DataStream<Attribution> attributions = complaints
        .keyBy(ComplaintAttributor.areaOf(areas), Types.STRING)
        .connect(outagesNearSites.keyBy(OutageNearSite::siteId))
        .process(new ComplaintAttributor(cells, radius, tail, config.decisionDelayMillis(),
            config.lateRetention().toMillis()))
        .uid("attribute-complaints-by-area").name("Attribute complaints to outages");

    // 4b. Incidents (common cause): root-cause alarms paired in event-time order, sent to the sites that depend on
    //     their object; per site, each outage's incident decided once event time passes its start + window; the
    //     outages no root alarm explains grouped per region (cause unknown) where configured.
    long incidentWindow = incidentsConfig.window().toMillis();
    long maxOpen = config.outages().maxOpen().toMillis();
    DataStream<RootAlarm> rootAlarms = alarmsDeduped
        .filter(a -> !NoiseSlimmer.isSlimmed(a) && rootRule.isRootAlarm(a))
        .uid("filter-root-alarms").name("Keep root-cause alarms")
        .keyBy(AlarmEvent::alarmKey)
        .process(new RootAlarmPairer(config.dedupRetention(), config.outages().maxOpen(), config.timezone()))
        .uid("pair-root-alarms").name("Pair root-cause alarms");
    SingleOutputStreamOperator<Membership> memberships = outages
        .keyBy(Outage::siteId)
        .connect(rootAlarms
            .flatMap((RootAlarm r, org.apache.flink.util.Collector<SiteRoot> out) ->
                rootRule.sitesOf(r.objectId(), r.objectType()).forEach(site -> out.collect(new SiteRoot(site, r))))
            .returns(SiteRoot.class).uid("fan-out-root-alarms").name("Send root-cause alarms to their sites")
            .keyBy(SiteRoot::siteId))
        .process(new IncidentMembership(incidentWindow, mergeGapMillis(), maxOpen,
            incidentsConfig.unknown().enabled()))
        .uid("incident-membership").name("Incident of each outage (per site)");
    DataStream<IncidentFact> incidentFacts = memberships.getSideOutput(IncidentMembership.MEMBERS)
        .union(rootAlarms.map(IncidentFact::root).returns(IncidentFact.class)
            .uid("root-alarm-facts").name("Root-cause alarms to their incidents"));
    DataStream<Membership> allMemberships = memberships;
    if (incidentsConfig.unknown().enabled()) {
      SingleOutputStreamOperator<Membership> unknown = memberships.getSideOutput(IncidentMembership.UNROOTED)
          .keyBy(Outage::region)
          .process(new UnknownCauseGrouper(cells, incidentWindow, incidentsConfig.unknown(), mergeGapMillis()))
          .uid("incident-unknown-causes").name("Group outages of unknown cause (per region)");
      allMemberships = memberships.union(unknown);
      incidentFacts = incidentFacts.union(unknown.getSideOutput(IncidentMembership.MEMBERS));
    }

    // 5. Per outage: duration, complaints caused, time to the first complaint.
    SingleOutputStreamOperator<OutageImpact> impactsUntagged = outages
        .keyBy(Outage::outageId)
        .connect(attributions.filter(Attribution::faultCaused).uid("fault-complaints").name("Fault complaints")
            .keyBy(Attribution::outageId))
        .process(new OutageImpactTracker(config.settleAfterClearMillis(), config.lateRetention().toMillis()))
        .uid("outage-impacts").name("Sum up outage impacts");
    DataStream<OutageImpact> impacts = impactsUntagged
        .keyBy(OutageImpact::outageId)
        .connect(allMemberships.keyBy(Membership::outageId))
        .process(new ImpactIncidentTagger())
        .uid("impact-incidents").name("Outage impacts with their incident");
    SingleOutputStreamOperator<Incident> incidents = incidentFacts
        .union(impacts.filter(i -> i.incidentId() != null).uid("incident-impacts").name("Impacts of incident outages")
            .map(IncidentFact::impact).returns(IncidentFact.class).uid("incident-impact-facts")
            .name("Impacts to their incidents"))
        .keyBy(IncidentFact::incidentId)
        .process(new IncidentTracker(Math.max(mergeGapMillis(), incidentWindow), maxOpen,
            config.dedupRetention().toMillis()))
        .uid("incidents").name("Track incidents");

    // 5b. Time to acknowledge: each outage's first acknowledgement of any of its alarms, on its impact record.
    long mergeGap = config.outages().mergeGap().toMillis();
    DataStream<OutageAck> outageAcks = outages
        .keyBy(Outage::cellId)
        .connect(alarmsPaired.getSideOutput(AlarmPairer.ACKS).keyBy(AlarmAck::cellId))
        .process(new OutageAckMatcher(mergeGap, config.dedupRetention().toMillis()))
        .uid("outage-acks").name("First acknowledgement per outage");
    DataStream<OutageImpact> impactsWithAcks = impacts
        .keyBy(OutageImpact::outageId)
        .connect(outageAcks.keyBy(OutageAck::outageId))
        .process(new ImpactAcks(config.outages().maxOpen().toMillis() + config.settleAfterClearMillis()))
        .uid("outage-impact-acks").name("Time to acknowledge per outage");

    // 6. Golden windows: learned per scope from closed outages and when their complaints came; alerts as
    //    open outages approach and pass the window in force at their start; mass outages per region.
    GoldenConfig golden = config.golden();
    SingleOutputStreamOperator<GoldenWindow> goldenWindows = impactsUntagged
        .getSideOutput(OutageImpactTracker.CLOSED_OUTAGES)
        .flatMap(new Scopes()).uid("golden-scopes").name("Closed outages per golden-window scope")
        .keyBy(ScopedClosedOutage::scope)
        .process(new GoldenWindowLearner(golden)).uid("golden-window-learner").name("Learn golden windows");
    SingleOutputStreamOperator<Alert> goldenAlerts = outages
        .keyBy(Outage::outageId)
        .connect(goldenWindows.broadcast(GoldenWindowAlerter.ESTIMATES))
        .process(new GoldenWindowAlerter(golden, mergeGap, config.dedupRetention().toMillis(),
            config.planned().alertAsUsual()))
        .uid("golden-window-alerts").name("Golden-window alerts per outage");
    DataStream<Alert> massOutages = outages
        .keyBy(Outage::region)
        .process(new MassOutageDetector(golden.massOutageCount(), mergeGap, config.timezone()))
        .uid("mass-outages").name("Mass outages per region")
        .keyBy(Alert::region)
        .connect(allMemberships.keyBy(Membership::region))
        .process(new MassOutageIncidents(maxOpen, incidentWindow))
        .uid("mass-outage-incidents").name("Mass outages with their incidents");
    // A member outage's alerts carry its incident; one INCIDENT alert pages for them all.
    DataStream<Alert> goldenAlertsTagged = goldenAlerts
        .keyBy(Alert::outageId)
        .connect(allMemberships.keyBy(Membership::outageId))
        .process(new AlertIncidentTagger(maxOpen))
        .uid("golden-alert-incidents").name("Golden-window alerts with their incident");
    DataStream<Alert> alerts = goldenAlertsTagged.union(massOutages, incidents.getSideOutput(IncidentTracker.ALERTS));

    // 6b. Ticket lifecycle (tickets.lifecycle): each ticket's tier and deadline from its severity, its outage, its
    //     status changes in status-time order; period facts for the metrics, the overdue worklist, and
    //     TICKETS_OVERDUE per region and tier.
    long closeDelay = config.metricsCloseDelayMillis();
    DataStream<PeriodTotals> ticketTotals = null;
    DataStream<OpenTicket> openTickets = null;
    if (lifecycle) {
      TicketsConfig tc = config.tickets();
      DataStream<TicketFact> ticketFacts = complaints.map(new TicketCreations(tc)).returns(TicketFact.class)
          .uid("ticket-creations").name("Tickets: tier and deadline")
          .union(attributions.map(TicketFact::attributed).returns(TicketFact.class)
                  .uid("ticket-attributions").name("Tickets: their outage"),
              ticketStatuses.map(TicketFact::status).returns(TicketFact.class)
                  .uid("ticket-status-facts").name("Tickets: status changes"));
      SingleOutputStreamOperator<TicketPeriodFact> ticketLives = ticketFacts
          .keyBy(TicketFact::ticketId)
          .connect(horizon.broadcast(TicketLifecycle.HORIZON))
          .process(new TicketLifecycle(config.timezone(), tc.nearDeadlineFraction(), tc.retention().toMillis(),
              config.dedupRetention().toMillis(), maxRaw))
          .uid("ticket-lifecycle").name("Ticket lifecycle");
      ticketTotals = ticketLives.flatMap(new TicketScopes()).returns(TicketPeriodFact.class)
          .uid("ticket-scopes").name("Ticket facts per region, tier and *")
          .keyBy(TicketPeriodFact::scope)
          .process(new TicketPeriodAggregator(config.timezone(), closeDelay))
          .uid("ticket-period-totals").name("Count tickets per region, tier and period");
      openTickets = ticketLives.getSideOutput(TicketLifecycle.WORKLIST);
      alerts = alerts.union(ticketLives.getSideOutput(TicketLifecycle.OVERDUE)
          .keyBy(OverdueChange::key)
          .process(new TicketOverdueAlerter(tc.overdueAlertCount(), config.timezone()))
          .uid("tickets-overdue-alerts").name("TICKETS_OVERDUE per region and tier"));
      deadLetters = deadLetters.union(ticketLives.getSideOutput(TicketLifecycle.REJECTED));
    }

    // 7. Day / week / month metrics per region and for all regions together; a period closes once every
    //    outage started in it knows whether it was restored inside its golden window.
    ComplaintGroups groups = new ComplaintGroups(config.kpi().escalationChannels());
    DataStream<ComplaintFact> complaintFacts = attributions.flatMap(new ComplaintScopes(regions, cells, groups))
        .uid("complaint-scopes").name("Complaints per region and *");
    DataStream<ScopedOutage> outageFacts = outages.flatMap(new OutageScopes())
        .uid("outage-scopes").name("Outages per region and *")
        .union(goldenAlerts.getSideOutput(GoldenWindowAlerter.OUTCOMES).flatMap(new OutageScopes.Outcomes())
            .uid("golden-outcome-scopes").name("Golden-window outcomes per region and *"))
        .union(outageAcks.filter(a -> !a.outage().planned()).uid("unplanned-acks").name("Acks of unplanned outages")
            .flatMap(new OutageScopes.Acks()).uid("ack-scopes").name("First acks per region and *"));
    DataStream<PeriodTotals> totals = complaintFacts.keyBy(ComplaintFact::scope)
        .connect(outageFacts.keyBy(ScopedOutage::scope))
        .process(new RegionPeriodAggregator(config.timezone(), closeDelay, config.state().rocksDb()))
        .uid("period-totals").name("Count per region and period");
    SingleOutputStreamOperator<RegionMetrics> metricsRows = (ticketTotals == null ? totals : totals.union(ticketTotals))
        .keyBy(t -> "report")
        .process(new MetricsReport(config.timezone(), closeDelay, regions, groups,
            lifecycle ? config.tickets().tierNames() : null))
        .setParallelism(1).uid("metrics-report").name("Metrics report rows");
    // KPI targets: each row judged (target, met), a missed target raised as KPI_MISSED.
    SingleOutputStreamOperator<RegionMetrics> metrics = metricsRows
        .keyBy(m -> "report")
        .process(new TargetJudge(config.kpi().targets(), config.timezone()))
        .setParallelism(1).uid("kpi-targets").name("Judge KPI targets");
    alerts = alerts.union(metrics.getSideOutput(TargetJudge.MISSES));

    // 7b. Weekly hotspots: cells and sites ranked by complaints no outage explains (coverage, capacity).
    CellTable cellTable = cells; // the lambda keeps the table, not the pipeline
    DataStream<Hotspot> hotspots = attributions
        .filter(a -> HotspotRanker.unexplainedOnKnownCell(a, cellTable)).uid("unexplained-complaints")
        .name("Complaints no outage explains")
        .keyBy(Attribution::region)
        .process(new HotspotRanker(cells, config.timezone(), closeDelay, config.kpi().hotspotsTop()))
        .uid("hotspots").name("Rank weekly hotspots per region");

    // 8. Complaint bursts: every complaint of a region counted per window, judged against the region's
    //    learned, time-of-day-aware threshold; one alert per episode, naming the region's open outages.
    SingleOutputStreamOperator<Alert> burstAlerts = attributions
        .keyBy(Attribution::region)
        .connect(outages.keyBy(Outage::region))
        .process(new BurstDetector(config.timezone(), config.burst(), config.decisionDelayMillis()))
        .uid("detect-bursts").name("Detect complaint bursts per region");
    DataStream<BurstThreshold> burstThresholds = burstAlerts.getSideOutput(BurstDetector.THRESHOLDS);

    // 9. Planned works: what each announced work cost (its outages, their complaints, how far it overran).
    DataStream<WorkImpact> workImpacts = null;
    if (works != null) {
      DataStream<WorkFact> workFacts = works.filter(PlannedWork::announced).uid("announced-works").name("Announced works")
          .map(WorkFact::of).returns(WorkFact.class).uid("work-facts-works").name("Works to their impacts")
          .union(outages.filter(o -> o.workId() != null).uid("work-outages").name("Outages of announced works")
                  .map(WorkFact::of).returns(WorkFact.class).uid("work-facts-outages").name("Outages to their works"),
              attributions.filter(a -> a.workId() != null).uid("work-complaints").name("Complaints of announced works")
                  .map(WorkFact::of).returns(WorkFact.class).uid("work-facts-complaints").name("Complaints to their works"));
      workImpacts = workFacts.keyBy(WorkFact::workId)
          .process(new WorkImpactTracker(config.settleAfterClearMillis(), config.planned().retention().toMillis()))
          .uid("work-impacts").name("Sum up planned works");
    }

    // 10. Open outages live: a record when an outage opens, closes or is re-opened, with the golden window its
    //     alerts use (chosen by the alerter once the watermark passes the outage's start).
    DataStream<OutageStatus> outageStatus = outages
        .keyBy(Outage::outageId)
        .connect(goldenAlerts.getSideOutput(GoldenWindowAlerter.WINDOWS_IN_FORCE).keyBy(WindowInForce::outageId))
        .process(new OutageStatusTracker(config.outages().mergeGap().toMillis()))
        .uid("outage-status").name("Outage status changes");

    return new Outputs(attributions, impactsWithAcks, metrics, deadLetters, outages, alerts.union(burstAlerts),
        goldenWindows, burstThresholds, goldenWindows.getSideOutput(GoldenWindowLearner.TABLE), workImpacts,
        outageStatus, incidents, hotspots, openTickets,
        lifecycle ? metricsRows.getSideOutput(MetricsReport.TICKET_METRICS) : null);
  }
}
