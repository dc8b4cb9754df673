package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The job's entry point as an operator meets it ({@code java ... FaultLinkJob CONFIG}, as jobs/run-local.sh runs it):
 * in a JVM of its own with the test's classpath and no hash secret in its environment unless {@code env} gives one.
 */
final class JobProcess {
  record Outcome(int exit, List<String> stderr) {
    /** FaultLink's own lines (not the logging framework's). */
    List<String> ours() {
      return stderr.stream().filter(l -> l.startsWith("faultlink:")).toList();
    }
  }

  private JobProcess() {}

  static Outcome main(Path config, Map<String, String> env) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
        "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "--add-opens", "java.base/java.time=ALL-UNNAMED",
        "-Dlog4j.configurationFile=" + Path.of("jobs/log4j2-local.properties").toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"), "com.faultlink.FaultLinkJob", config.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove(ConfigLoader.SECRET_ENV);
    pb.environment().putAll(env);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(err).isTrue();
    return new Outcome(p.exitValue(), err.lines().toList());
  }
}
