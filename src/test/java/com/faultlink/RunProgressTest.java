package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import com.faultlink.runtime.CounterNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.Test;

/**
 * The progress lines of a local run never go back: a poll whose accumulators cannot be had in time (a loaded
 * machine, a job finishing) prints nothing, where it used to print 0 events and a negative rate (and made a
 * replay's progress unsorted: the ReplayTest failure of CI).
 */
class RunProgressTest {

  /** A job that answers its accumulator polls from a script (a count, or a timeout), then finishes. */
  private static final class ScriptedJob implements JobClient {
    private final List<Long> answers;
    private final CompletableFuture<JobExecutionResult> done = new CompletableFuture<>();
    private int asked;

    ScriptedJob(List<Long> answers) {
      this.answers = answers;
    }

    @Override
    public CompletableFuture<Map<String, Object>> getAccumulators() {
      long answer = answers.get(asked++);
      if (asked == answers.size()) {
        done.complete(new JobExecutionResult(new JobID(), 1, Map.of()));
      }
      return answer < 0 ? CompletableFuture.failedFuture(new TimeoutException("no answer in time"))
          : CompletableFuture.completedFuture(Map.of(CounterNames.EVENTS_READ, answer));
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
      return done;
    }

    @Override
    public JobID getJobID() {
      return new JobID();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
      return CompletableFuture.completedFuture(JobStatus.RUNNING);
    }

    @Override
    public CompletableFuture<Void> cancel() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean terminate, String dir, SavepointFormatType type) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String dir, SavepointFormatType type) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }
  }

  @Test
  void aPollWithoutAnAnswerPrintsNothingAndTheCountNeverGoesBack() throws Exception {
    ScriptedJob job = new ScriptedJob(List.of(100L, -1L, 250L, -1L, 400L));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunProgress.await(job, new PrintStream(out, true, StandardCharsets.UTF_8), 20);

    List<Long> printed = new ArrayList<>();
    Matcher m = Pattern.compile("faultlink: (-?[\\d,]+) events read \\((-?[\\d,]+)/s\\)")
        .matcher(out.toString(StandardCharsets.UTF_8));
    while (m.find()) {
      printed.add(Long.parseLong(m.group(1).replace(",", "")));
      assertThat(m.group(2)).as("rate").doesNotStartWith("-");
    }
    assertThat(printed).containsExactly(100L, 250L, 400L);
  }

  @Test
  void anUnansweredPollIsUnknownNotZero() {
    assertThat(RunProgress.eventsRead(new ScriptedJob(List.of(-1L, 5L)))).isEqualTo(RunProgress.UNKNOWN);
  }
}
