package com.faultlink.io.input;

import com.faultlink.model.AlarmEvent;
import com.faultlink.model.AlarmKind;
import com.faultlink.model.Complaint;
import java.io.Serializable;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The times of a parsed event that the time checks ({@link TimeSanity}) look at, and what becomes of an event
 * that is too late but may still be wanted.
 *
 * @param <T> the parsed event's type
 */
public interface EventTimes<T> extends Serializable {
  /** The domain time (raise, clear, creation), epoch ms. */
  long domainTime(T event);

  /** The notification's {@code eventTime}, epoch ms. */
  long eventTime(T event);

  /** The domain time's field name, as a reason names it. */
  String domainTimeField(T event);

  /**
   * The event to pass on although it is too late (with its line, for whoever decides later), or null: rejected
   * at once. A clear of an outage still open is never too late, and only the alarm pairing knows whether its
   * raise is open.
   */
  default T tooLateButPending(T event, String line) {
    return null;
  }

  /**
   * The accepted event as passed on, given its line: an event that a later stage may still reject keeps its line
   * for the dead letter.
   */
  default T withLine(T event, String line) {
    return event;
  }

  /** Alarms: a raise's {@code alarmRaisedTime}, a clear's {@code alarmClearedTime}; a too-late clear goes on. */
  static EventTimes<AlarmEvent> alarms() {
    return alarms(a -> true);
  }

  /**
   * Alarms, where a too-late clear goes on only if {@code mayEndOutage} (the outage filter's rule): a clear of
   * noise cannot be the clear of an outage still open, so it is rejected at once like any too-late line.
   */
  static EventTimes<AlarmEvent> alarms(SerializableFunction<AlarmEvent, Boolean> mayEndOutage) {
    return new EventTimes<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public long domainTime(AlarmEvent a) {
        return a.time();
      }

      @Override
      public long eventTime(AlarmEvent a) {
        return a.eventTime();
      }

      @Override
      public String domainTimeField(AlarmEvent a) {
        return a.kind() == AlarmKind.RAISE ? "alarmRaisedTime"
            : a.kind() == AlarmKind.ACK ? "alarmChangedTime" : "alarmClearedTime";
      }

      @Override
      public AlarmEvent withLine(AlarmEvent a, String line) {
        // the pairing rejects a clear stated before its raise: it needs the line (clears only, raises never)
        return a.kind() == AlarmKind.CLEAR ? a.pending(line) : a;
      }

      @Override
      public AlarmEvent tooLateButPending(AlarmEvent a, String line) {
        return a.kind() == AlarmKind.CLEAR && mayEndOutage.apply(a) ? a.tooLate(line) : null;
      }
    };
  }

  /**
   * Complaints: {@code creationDate}; a ticket lifecycle event its {@code statusChangeDate} ({@code resolutionDate}),
   * keeping its line: only its ticket, met later, can show it to be stated before the creation.
   */
  static EventTimes<Complaint> complaints() {
    return new EventTimes<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public long domainTime(Complaint c) {
        return c.time();
      }

      @Override
      public long eventTime(Complaint c) {
        return c.eventTime();
      }

      @Override
      public String domainTimeField(Complaint c) {
        return c.isStatusChange() ? c.statusChange().timeField() : "creationDate";
      }

      @Override
      public Complaint withLine(Complaint c, String line) {
        return c.withLine(line);
      }
    };
  }
}
