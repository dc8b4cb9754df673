package com.faultlink.model;

/** What an alarm notification does to the alarm it names. */
public enum AlarmKind {
  RAISE,
  CLEAR,
  /** An operator acknowledged the alarm ({@code AlarmAttributeValueChangeEvent} with {@code ackState}). */
  ACK
}
