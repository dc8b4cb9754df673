package com.faultlink.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 22's trap: {@code replay.sh --parallelism two} said {@code For input string: "two"}. */
class ReplayArgsTest {
  @Test
  void aBadArgumentIsSaidInPlainWordsAndExitsTwoBeforeAnythingRuns() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Replay.run(new String[] {"config/faultlink.yaml", "--parallelism", "two"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly("faultlink: --parallelism takes a whole number of 1 or more, not 'two'", Replay.USAGE);
  }
}
