package com.faultlink.reference;

/** A reference table that cannot be used; the message names the file and the line. */
public class ReferenceDataException extends RuntimeException {
  public ReferenceDataException(String message) {
    super(message);
  }
}
