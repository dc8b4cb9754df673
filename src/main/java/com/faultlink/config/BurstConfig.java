package com.faultlink.config;

import java.io.Serializable;

/** Complaint-burst detection settings (none yet: the burst issue adds them). */
public record BurstConfig() implements Serializable {

  static BurstConfig read(ConfigNode node) {
    return new BurstConfig();
  }
}
