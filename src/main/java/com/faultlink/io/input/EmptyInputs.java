package com.faultlink.io.input;

import com.faultlink.config.FaultLinkConfig;
import com.faultlink.config.InputConfig;
import com.faultlink.runtime.FileSizes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file input with nothing in it is almost always a wrong path or a failed export, and a run over it "succeeds"
 * with empty outputs: the run says so, one warning line per such input, and goes on (an empty works file, or a
 * day without complaints, can be real).
 */
public final class EmptyInputs {
  private EmptyInputs() {}

  /** One warning line per configured file input (a file, or a folder of files) that holds no byte. */
  public static List<String> warnings(FaultLinkConfig config) {
    List<String> out = new ArrayList<>();
    warn(out, "sources.alarms", config.sources().alarms());
    warn(out, "sources.complaints", config.sources().complaints());
    warn(out, "sources.works", config.sources().works());
    return out;
  }

  private static void warn(List<String> out, String key, InputConfig input) {
    if (input == null || input.isKafka()) {
      return;
    }
    Path p = Path.of(input.file());
    if (FileSizes.bytes(p) == 0) {
      out.add("faultlink: warning: " + key + " (" + p + ") is empty: nothing will be read from it");
    }
  }
}
