package com.faultlink.incident;

import com.faultlink.model.Outage;
import com.faultlink.model.OutageImpact;

/**
 * What the incident tracker learns about one incident (the key): its root alarm raised or cleared, a member
 * outage's latest snapshot, or a member outage's impact. Exactly one of {@code root}, {@code outage}, {@code impact}
 * is set.
 *
 * @param decidedAt member snapshots: when the outage's membership was decided
 * @param cause member snapshots: the incident's cause
 * @param rootObjectId member snapshots: the root alarm's object, null for {@code unknown}
 * @param rootRaise member snapshots: the root alarm's raise, null for {@code unknown}
 */
public record IncidentFact(String incidentId, RootAlarm root, Outage outage, OutageImpact impact, long decidedAt,
    String cause, String rootObjectId, Long rootRaise) {

  public static IncidentFact root(RootAlarm r) {
    return new IncidentFact(r.incidentId(), r, null, null, 0L, r.cause(), r.objectId(), r.raise());
  }

  public static IncidentFact member(String incidentId, Outage o, long decidedAt, String cause, String rootObjectId,
      Long rootRaise) {
    return new IncidentFact(incidentId, null, o, null, decidedAt, cause, rootObjectId, rootRaise);
  }

  public static IncidentFact impact(OutageImpact i) {
    return new IncidentFact(i.incidentId(), null, null, i, 0L, null, null, null);
  }
}
