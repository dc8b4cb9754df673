package com.faultlink.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 22's trap: {@code replay.sh --parallelism two} said {@code For input string: "two"}. */
class CommandArgsTest {
  @Test
  void numbersAreReadWithPlainWords() {
    assertThat(CommandArgs.wholeNumber("--parallelism", "2", 1)).isEqualTo(2);
    assertThatThrownBy(() -> CommandArgs.wholeNumber("--parallelism", "two", 1))
        .hasMessage("--parallelism takes a whole number of 1 or more, not 'two'");
    assertThatThrownBy(() -> CommandArgs.wholeNumber("--parallelism", "0", 1))
        .hasMessage("--parallelism takes a whole number of 1 or more, not '0'");
    assertThat(CommandArgs.number("--rate", "2.5", 0)).isEqualTo(2.5);
    assertThatThrownBy(() -> CommandArgs.number("--rate", "fast", 0)).hasMessage("--rate takes a number of 0 or more, not 'fast'");
    assertThatThrownBy(() -> CommandArgs.valueAfter(new String[] {"c.yaml", "--out"}, 1)).hasMessage("--out needs a value");
  }
}
