package com.faultlink.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {
  @TempDir Path tmp;

  @Test
  void onATerminalOneLineIsRedrawnWithTheCountOfTheTotalTheRateAndTheTimeLeft() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "replay", 1000, true);
    bar.update(0);
    Thread.sleep(250);
    bar.update(400);
    bar.finish(1000);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("\rreplay: [").doesNotContain("\n\r").endsWith("\n");
    assertThat(out).contains("40% 400 of ≈1,000 events").containsPattern("[0-9,]+/s").contains("left");
    // elapsed time is the machine's: a loaded one takes longer than the 250 ms slept
    assertThat(out).containsPattern("replay: 1,000 events in [0-9]+:[0-9]{2} \\([0-9,]+ events/s over the whole run\\)");
  }

  @Test
  void theClosingLineGivesTheRateWhileReadingBesideTheWholeRunsNotOneForTheOther() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "replay", 0, false);
    bar.update(100);
    Thread.sleep(1_100);
    bar.update(1_100);
    Thread.sleep(300); // the drain after the last line: in the whole run's figure only
    bar.finish(1_100);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .containsPattern("replay: 1,100 events in 0:0[0-9] \\([0-9,]+ events/s over the whole run, [0-9,]+/s while"
            + " reading\\)");
  }

  @Test
  void elsewhereItPrintsPlainLinesNoCarriageReturns() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "replay", 10, false);
    bar.update(5);
    bar.finish(10);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).doesNotContain("\r").contains("replay: 10 events in");
    assertThat(bar.line(5, System.nanoTime())).contains("50% 5 of 10 events").doesNotContain("[");
  }

  @Test
  void theTotalIsCountedForSmallInputsAndEstimatedForLargeOnes() throws Exception {
    Path small = tmp.resolve("small.jsonl");
    Files.writeString(small, "a\nb\nc");
    assertThat(InputSize.of(List.of(small))).isEqualTo(new InputSize.Lines(3, 5, false));
    Path large = tmp.resolve("large.jsonl");
    String line = "x".repeat(99) + "\n";
    Files.writeString(large, line.repeat(50_000));
    InputSize.Lines est = InputSize.of(List.of(large), 1 << 20);
    assertThat(est.estimated()).isTrue();
    assertThat(est.lines()).isEqualTo(50_000);
  }
}
