package com.faultlink.config;

/** A config that cannot run: one message naming the key or the file. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
