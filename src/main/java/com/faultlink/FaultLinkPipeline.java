package com.faultlink;

import com.faultlink.burst.BurstDetector;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.GoldenConfig;
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
import com.faultlink.correlate.OutageImpactTracker;
import com.faultlink.correlate.OutageNearSite;
import com.faultlink.golden.GoldenScopeReport;
import com.faultlink.golden.GoldenWindowAlerter;
import com.faultlink.golden.GoldenWindowLearner;
import com.faultlink.golden.MassOutageDetector;
import com.faultlink.golden.ScopedClosedOutage;
import com.faultlink.golden.Scopes;
import com.faultlink.golden.WindowInForce;
import com.faultlink.io.AlarmParser;
import com.faultlink.io.ComplaintParser;
import com.faultlink.io.CustomerKeyHasher;
import com.faultlink.io.EventTimes;
import com.faultlink.io.ParseLines;
import com.faultlink.io.TimeSanity;
import com.faultlink.io.SubscriberMask;
import com.faultlink.io.WorkParser;
import com.faultlink.metrics.ComplaintFact;
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
import com.faultlink.model.Attribution;
import com.faultlink.model.Complaint;
import com.faultlink.model.DeadLetter;
import com.faultlink.model.Outage;
import com.faultlink.model.OutageImpact;
import com.faultlink.model.PlannedWork;
import com.faultlink.model.OutageStatus;
import com.faultlink.model.RegionMetrics;
import com.faultlink.model.WorkImpact;
import com.faultlink.planned.WorkFact;
import com.faultlink.planned.WorkImpactTracker;
import com.faultlink.status.OutageStatusTracker;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
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

/**
 * The FaultLink dataflow, from input lines to output records, read top to bottom: parse (dead letters
 * aside) → drop duplicates → assemble outages → attribute complaints → sum up outages → golden windows and
 * alerts → period metrics → complaint bursts.
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
      DataStream<OutageStatus> outageStatus) {}

  private final FaultLinkConfig config;
  private final CellTable cells;
  private final RegionTable regions;

  public FaultLinkPipeline(FaultLinkConfig config, CellTable cells, RegionTable regions) {
    this.config = config;
    this.cells = cells;
    this.regions = regions;
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
    return () -> {
      CustomerKeyHasher hasher = new CustomerKeyHasher(secret);
      return new ComplaintParser(cells, hasher, new SubscriberMask(pattern, hasher))::parse;
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

  public Outputs build(Inputs in) {
    int maxRaw = config.deadLetters().maxRawChars();

    // 1. Parse each input; rejected lines go to the dead letters whole, with a reason: lines dated implausibly
    //    or too late among included, before they are timed, so they move no watermark and open no period.
    TimeSanity sanity = timeSanity(config, in.unbounded());
    SingleOutputStreamOperator<AlarmEvent> alarmsParsed = in.alarms()
        .process(new ParseLines<AlarmEvent>("alarms", alarmParsers(config), maxRaw,
            EventTimes.alarms(OutageAlarmFilter.rule(config.outages().causes(), cells)), sanity))
        .returns(AlarmEvent.class).uid("parse-alarms").name("Parse alarms (TMF642)");
    SingleOutputStreamOperator<Complaint> complaintsParsed = in.complaints()
        .process(new ParseLines<Complaint>("complaints", complaintParsers(config, cells), maxRaw,
            EventTimes.complaints(), sanity))
        .returns(Complaint.class).uid("parse-complaints").name("Parse complaints (TMF621)");
    DataStream<DeadLetter> deadLetters = alarmsParsed.getSideOutput(ParseLines.DEAD_LETTERS)
        .union(complaintsParsed.getSideOutput(ParseLines.DEAD_LETTERS));
    // Works carry no event time of their own: a bounded works input holds the watermark of what it feeds
    // until it is read to its end (then releases it), so every work is known before any alarm is applied.
    SingleOutputStreamOperator<PlannedWork> works = null;
    if (in.works() != null) {
      works = in.works()
          .process(new ParseLines<PlannedWork>("works", workParsers(config), maxRaw))
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
    DataStream<AssemblyNotice> notices = alarmsTimed.map(AlarmEvent::time).returns(Types.LONG)
        .uid("event-times-alarms").name("Event times: alarms")
        .transform("Input horizon: alarms", Types.LONG, new InputHorizonOperator()).uid("input-horizon-alarms")
        .union(complaintsTimed.map(Complaint::time).returns(Types.LONG)
            .uid("event-times-complaints").name("Event times: complaints")
            .transform("Input horizon: complaints", Types.LONG, new InputHorizonOperator())
            .uid("input-horizon-complaints"))
        .transform("Input horizon", Types.LONG, new InputHorizonOperator()).uid("input-horizon")
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
    SingleOutputStreamOperator<CellAlarm> alarmsPaired = alarmsTimed
        .map(new NoiseSlimmer(config.outages().causes(), cells)).returns(AlarmEvent.class)
        .uid("slim-noise-alarms").name("Slim down noise alarms")
        .keyBy(BucketedDuplicateFilter.keyOf(AlarmEvent::eventId), Types.INT)
        .process(new BucketedDuplicateFilter<AlarmEvent>(AlarmEvent::eventId, config.dedupRetention(),
            CounterNames.DUPLICATE_EVENTS, true))
        .returns(AlarmEvent.class).uid("dedup-alarm-ids").name("Drop duplicate alarm events")
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
    DataStream<Complaint> complaints = complaintsTimed
        .keyBy(Complaint::eventId)
        .process(new DuplicateFilter<Complaint>(config.dedupRetention(), CounterNames.DUPLICATE_EVENTS, true))
        .returns(Complaint.class).uid("dedup-complaint-events").name("Drop duplicate complaint events")
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

    // 5. Per outage: duration, complaints caused, time to the first complaint.
    SingleOutputStreamOperator<OutageImpact> impacts = outages
        .keyBy(Outage::outageId)
        .connect(attributions.filter(Attribution::faultCaused).uid("fault-complaints").name("Fault complaints")
            .keyBy(Attribution::outageId))
        .process(new OutageImpactTracker(config.settleAfterClearMillis(), config.lateRetention().toMillis()))
        .uid("outage-impacts").name("Sum up outage impacts");

    // 6. Golden windows: learned per scope from closed outages and when their complaints came; alerts as
    //    open outages approach and pass the window in force at their start; mass outages per region.
    GoldenConfig golden = config.golden();
    long mergeGap = config.outages().mergeGap().toMillis();
    SingleOutputStreamOperator<GoldenWindow> goldenWindows = impacts
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
        .uid("mass-outages").name("Mass outages per region");
    DataStream<Alert> alerts = goldenAlerts.union(massOutages);

    // 7. Day / week / month metrics per region and for all regions together; a period closes once every
    //    outage started in it knows whether it was restored inside its golden window.
    long closeDelay = config.metricsCloseDelayMillis();
    DataStream<ComplaintFact> complaintFacts = attributions.flatMap(new ComplaintScopes(regions))
        .uid("complaint-scopes").name("Complaints per region and *");
    DataStream<ScopedOutage> outageFacts = outages.flatMap(new OutageScopes())
        .uid("outage-scopes").name("Outages per region and *")
        .union(goldenAlerts.getSideOutput(GoldenWindowAlerter.OUTCOMES).flatMap(new OutageScopes.Outcomes())
            .uid("golden-outcome-scopes").name("Golden-window outcomes per region and *"));
    DataStream<PeriodTotals> totals = complaintFacts.keyBy(ComplaintFact::scope)
        .connect(outageFacts.keyBy(ScopedOutage::scope))
        .process(new RegionPeriodAggregator(config.timezone(), closeDelay, config.state().rocksDb()))
        .uid("period-totals").name("Count per region and period");
    DataStream<RegionMetrics> metrics = totals
        .keyBy(t -> "report")
        .process(new MetricsReport(config.timezone(), closeDelay, regions))
        .setParallelism(1).uid("metrics-report").name("Metrics report rows");

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

    return new Outputs(attributions, impacts, metrics, deadLetters, outages, alerts.union(burstAlerts),
        goldenWindows, burstThresholds, goldenWindows.getSideOutput(GoldenWindowLearner.TABLE), workImpacts,
        outageStatus);
  }
}
