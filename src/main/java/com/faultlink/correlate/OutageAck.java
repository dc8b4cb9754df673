package com.faultlink.correlate;

import com.faultlink.model.Outage;

/**
 * An outage's first acknowledgement: the earliest acknowledgement of any of its alarms.
 *
 * @param outage its latest snapshot when the acknowledgement was matched
 */
public record OutageAck(Outage outage, long ackAt) {
  public String outageId() {
    return outage.outageId();
  }

  /** Minutes from the outage's start to its first acknowledgement, unrounded. */
  public double minutes() {
    return (ackAt - outage.start()) / 60_000.0;
  }
}
