package com.faultlink.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.faultlink.FaultLinkJob;
import com.faultlink.config.ConfigLoader;
import com.faultlink.config.FaultLinkConfig;
import com.faultlink.reference.CellTable;
import com.faultlink.reference.RegionTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * FaultLink in application mode ({@code jobs/cluster-local.sh start-application}, as the Kubernetes operator
 * deploys it): the JobManager runs the job jar's main itself, the job runs at once, and once its bounded
 * input is finished the JobManager ends. Its outputs are a clean embedded run's.
 */
class ApplicationModeIT {
  /** Kept when the test fails: the cluster's logs are in {@code cluster/log}. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work;

  private Path writeConfig(PipelineEndpoints io, String run) throws IOException {
    Path file = work.resolve(run + ".yaml");
    Files.writeString(file, "timezone: Asia/Shanghai\n" + io.ioConfig(run, 0) + "checkpointing: {interval: PT1S}\n");
    return file;
  }

  @Test
  void anApplicationClusterRunsTheJobAtOnceAndEndsWithItsBoundedInput() throws Exception {
    PipelineEndpoints io = new FileEndpoints(work);
    Path config = writeConfig(io, "application");
    try (LocalFlinkCluster cluster = new LocalFlinkCluster(Files.createDirectories(work.resolve("cluster")))) {
      long t0 = System.nanoTime();
      String job = cluster.startApplication(config.toString(), "--parallelism", "2");
      assertThat(cluster.restAddress).isEqualTo("http://127.0.0.1:" + cluster.restPort);
      assertThat(job).as("the job id").matches("[0-9a-f]{32}");
      System.out.printf("application cluster started, job %s submitted in %.1f s%n", job, (System.nanoTime() - t0) / 1e9);

      // meanwhile, the same inputs on an embedded cluster
      FaultLinkConfig clean = ConfigLoader.load(writeConfig(io, "clean")).withParallelism(2);
      FaultLinkJob.run(clean, CellTable.load(Path.of(clean.reference().cells())),
          RegionTable.load(Path.of(clean.reference().regions())), new PrintStream(new ByteArrayOutputStream()));
      Map<String, List<String>> expected = io.outputs("clean");
      assertThat(expected.get("attributions")).hasSizeGreaterThan(6000);

      cluster.awaitJobManagerExit(Duration.ofSeconds(150));
      System.out.printf("JobManager ended %.1f s after start-application%n", (System.nanoTime() - t0) / 1e9);
      JsonNode ended = cluster.archived(job, "/jobs/" + job);
      assertThat(ended.path("state").asText()).isEqualTo("FINISHED");
      assertThat(ended.path("name").asText()).isEqualTo("FaultLink (application.yaml)");
      assertThat(ended.path("vertices")).filteredOn(v -> v.path("name").asText().startsWith("Source: "))
          .isNotEmpty().allSatisfy(v -> assertThat(v.path("parallelism").asInt()).as("--parallelism").isEqualTo(2));
      assertThat(cluster.run("status")).contains("jobmanager not running").contains("job " + job + " FINISHED");

      assertThat(io.outputs("application")).isEqualTo(expected);
    }
  }
}
