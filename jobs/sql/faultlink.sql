-- FaultLink tables in PostgreSQL (sinks.jdbc). Idempotent: run it before the first job, and again after an upgrade.
-- Every row is written with INSERT ... ON CONFLICT (key) DO UPDATE, so a job that restarts from a checkpoint and
-- writes its records again leaves one row per key. Times are timestamptz (UTC inside, shown in the session's zone).

CREATE TABLE IF NOT EXISTS metrics (
  region                       text    NOT NULL,   -- '*' = all regions
  period                       text    NOT NULL,   -- day, week, month
  period_start                 date    NOT NULL,   -- local date
  outages                      bigint  NOT NULL,
  planned_outages              bigint  NOT NULL,
  outage_hours                 double precision NOT NULL,
  complaints                   bigint  NOT NULL,
  fault_complaints             bigint  NOT NULL,
  planned_complaints           bigint  NOT NULL,
  complaints_per_10k           double precision NOT NULL,
  voice_per_10k                double precision NOT NULL,
  data_per_10k                 double precision NOT NULL,
  messaging_per_10k            double precision NOT NULL,
  other_per_10k                double precision NOT NULL,
  complainants                 bigint  NOT NULL,
  repeat_complainants          bigint  NOT NULL,
  repeat_complaint_rate_pct    double precision,
  outages_change_pct           double precision,
  outage_hours_change_pct      double precision,
  fault_complaints_change_pct  double precision,
  PRIMARY KEY (region, period, period_start)
);

-- The metrics record's later figures (the file record's names in snake case; null as in the record). Added after
-- the first release: ADD COLUMN IF NOT EXISTS gives an older table them when this file is run again.
ALTER TABLE metrics
  ADD COLUMN IF NOT EXISTS period_end               date,              -- exclusive: the next period's start
  ADD COLUMN IF NOT EXISTS restored_in_window_pct   double precision,  -- null: no window applied in the period
  ADD COLUMN IF NOT EXISTS complaints_change_pct    double precision,
  ADD COLUMN IF NOT EXISTS complaints_by_channel    jsonb,             -- {"hotline": 12, ...}
  ADD COLUMN IF NOT EXISTS complaints_by_severity   jsonb,
  ADD COLUMN IF NOT EXISTS complaints_by_technology jsonb,
  ADD COLUMN IF NOT EXISTS escalated_complaints     bigint,
  ADD COLUMN IF NOT EXISTS outages_acknowledged     bigint,
  ADD COLUMN IF NOT EXISTS ack_mean_minutes         double precision,
  ADD COLUMN IF NOT EXISTS ack_p90_minutes          double precision,
  ADD COLUMN IF NOT EXISTS tickets_due              bigint,            -- the ticket figures: null without
  ADD COLUMN IF NOT EXISTS tickets_resolved_on_time bigint,            -- tickets.lifecycle
  ADD COLUMN IF NOT EXISTS on_time_rate_pct         double precision,
  ADD COLUMN IF NOT EXISTS tickets_resolved         bigint,
  ADD COLUMN IF NOT EXISTS mean_resolution_hours    double precision,
  ADD COLUMN IF NOT EXISTS tickets_overdue_open     bigint,
  ADD COLUMN IF NOT EXISTS targets                  jsonb;             -- {"complaintsPer10k": {"op": "max", ...}}

CREATE TABLE IF NOT EXISTS golden_windows (
  region                 text NOT NULL,            -- '*' = all
  technology             text NOT NULL,            -- '*' = all
  valid_from             timestamptz NOT NULL,
  golden_window_minutes  double precision NOT NULL,
  ci_low_minutes         double precision NOT NULL,
  ci_high_minutes        double precision NOT NULL,
  outages                bigint NOT NULL,
  PRIMARY KEY (region, technology, valid_from)
);

CREATE TABLE IF NOT EXISTS outage_impacts (
  outage_id                    text PRIMARY KEY,
  cell_id                      text NOT NULL,
  region                       text NOT NULL,
  technology                   text NOT NULL,
  start_at                     timestamptz NOT NULL,
  end_at                       timestamptz,         -- null: still open at the end of a bounded input
  duration_minutes             double precision NOT NULL,
  complaints                   bigint NOT NULL,
  first_complaint_lag_minutes  double precision,
  planned                      boolean NOT NULL,
  work_id                      text
);

CREATE TABLE IF NOT EXISTS work_impacts (
  work_id          text PRIMARY KEY,
  start_at         timestamptz NOT NULL,
  end_at           timestamptz NOT NULL,
  outages          bigint NOT NULL,
  complaints       bigint NOT NULL,
  outage_minutes   double precision NOT NULL,
  overrun_outages  bigint NOT NULL,
  overrun_minutes  double precision NOT NULL
);

-- Every status change of every outage (the outage-status stream).
CREATE TABLE IF NOT EXISTS outage_status (
  outage_id        text NOT NULL,
  status           text NOT NULL,                  -- open, closed, reopened
  at               timestamptz NOT NULL,
  cell_id          text NOT NULL,
  region           text NOT NULL,
  technology       text NOT NULL,
  start_at         timestamptz NOT NULL,
  end_at           timestamptz,
  elapsed_minutes  double precision NOT NULL,
  golden_window_minutes double precision,         -- in force at the start, as in the outage's alerts (null: older builds)
  planned          boolean NOT NULL,
  work_id          text,
  planned_until    timestamptz,
  PRIMARY KEY (outage_id, status, at)
);

-- The latest status of each outage: what is open now (WHERE status <> 'closed'). A row is only replaced by a later
-- change (at, then open < closed < reopened at the same instant), so replays and out-of-order batches leave it right.
CREATE TABLE IF NOT EXISTS open_outages (
  outage_id        text PRIMARY KEY,
  status           text NOT NULL,
  status_rank      int  NOT NULL,
  at               timestamptz NOT NULL,
  cell_id          text NOT NULL,
  region           text NOT NULL,
  technology       text NOT NULL,
  start_at         timestamptz NOT NULL,
  end_at           timestamptz,
  golden_window_minutes double precision,         -- in force at the start, as in the outage's alerts (null: older builds)
  planned          boolean NOT NULL,
  work_id          text,
  planned_until    timestamptz
);

-- The overdue-ticket worklist (stream open-tickets): one row per ticket, its latest state. On the list now:
-- status in ('nearDeadline', 'overdue'); ticket ids have subscriber numbers masked.
CREATE TABLE IF NOT EXISTS open_tickets (
  ticket_id        text PRIMARY KEY,
  status           text NOT NULL,            -- nearDeadline, overdue, resolved, cancelled, forgotten
  status_rank      int  NOT NULL,
  at               timestamptz NOT NULL,
  region           text,
  cell_id          text,
  tier             text NOT NULL,
  created_at       timestamptz NOT NULL,
  deadline         timestamptz NOT NULL,
  outage_id        text,
  incident_id      text
);
CREATE INDEX IF NOT EXISTS open_tickets_status ON open_tickets (status) WHERE status_rank < 2;

-- One row per alert: fired_at from its firing record, resolved_at from its resolution (either may come first).
CREATE TABLE IF NOT EXISTS alerts (
  alert_id               text PRIMARY KEY,
  type                   text NOT NULL,
  status                 text NOT NULL,            -- firing, resolved
  region                 text NOT NULL,
  fired_at               timestamptz,
  resolved_at            timestamptz,
  outage_id              text,
  cell_id                text,
  elapsed_minutes        double precision,
  golden_window_minutes  double precision,
  window_start           timestamptz,
  window_end             timestamptz,
  count                  bigint,
  threshold              double precision,
  expected               double precision,
  outages_open           bigint,
  explaining_outages     text,                     -- comma-separated outage ids
  planned                boolean NOT NULL,
  work_id                text
);
-- burst-thresholds is a change log: one row per region, band and validFrom.
CREATE TABLE IF NOT EXISTS burst_thresholds (
  region                 text NOT NULL,
  band                   text NOT NULL,            -- e.g. 'weekday 09:00-09:15'
  valid_from             timestamptz NOT NULL,
  window_minutes         double precision NOT NULL,
  threshold              double precision NOT NULL,
  expected               double precision NOT NULL,
  distribution           text NOT NULL,            -- poisson, negative-binomial, configured
  PRIMARY KEY (region, band, valid_from)
);

-- The threshold in force now for each region and band: its latest change. (At an instant T instead:
-- add WHERE valid_from <= T before the ORDER BY.)
CREATE OR REPLACE VIEW burst_thresholds_current AS
  SELECT DISTINCT ON (region, band) region, band, valid_from, window_minutes, threshold, expected, distribution
  FROM burst_thresholds
  ORDER BY region, band, valid_from DESC;
CREATE INDEX IF NOT EXISTS alerts_region_fired ON alerts (region, fired_at);

-- The incident (common cause) of each outage, null: none (added with incidents; older tables get the column here).
ALTER TABLE outage_impacts ADD COLUMN IF NOT EXISTS incident_id text;

-- One row per incident (the incidents stream): written once it has ended and its complaints are known, or at the end
-- of a bounded input while still open (end_at null). Incidents open now are the firing INCIDENT alerts:
-- SELECT substr(alert_id, 10) AS incident_id, region, fired_at, outages_open FROM alerts
--   WHERE type = 'INCIDENT' AND resolved_at IS NULL.
CREATE TABLE IF NOT EXISTS incidents (
  incident_id      text PRIMARY KEY,
  cause            text NOT NULL,             -- the root alarm's probableCause, or unknown
  root_object_id   text,                      -- null: cause unknown
  regions          text NOT NULL,             -- comma-separated
  start_at         timestamptz NOT NULL,
  end_at           timestamptz,               -- null: still open at the end of a bounded input
  root_cleared_at  timestamptz,
  outages          bigint NOT NULL,
  outage_ids       text NOT NULL,             -- comma-separated
  sites            bigint NOT NULL,
  cells            bigint NOT NULL,
  complaints       bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_start ON incidents (start_at);
CREATE INDEX IF NOT EXISTS open_outages_status ON open_outages (status) WHERE status <> 'closed';
