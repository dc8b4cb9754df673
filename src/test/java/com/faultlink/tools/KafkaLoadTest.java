package com.faultlink.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader splits a file into the same lines as the file source: one message per line, bytes unchanged. */
class KafkaLoadTest {
  private static List<String> lines(String text) {
    return KafkaLoad.lines(text.getBytes(StandardCharsets.ISO_8859_1)).stream()
        .map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
  }

  @Test
  void everyLineBreakOfTheFileSourceSplits() {
    assertThat(lines("a\nb\r\nc\rd")).containsExactly("a", "b", "c", "d");
    assertThat(lines("a\n")).containsExactly("a");
    assertThat(lines("a\n\nb\n")).containsExactly("a", "", "b");
    assertThat(lines("")).isEmpty();
  }

  @Test
  void bytesAreKeptAsTheyAre() {
    byte[] file = {'{', (byte) 0xFF, '}', '\n', (byte) 0xC3, (byte) 0xA9};
    List<byte[]> out = KafkaLoad.lines(file);
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).containsExactly('{', (byte) 0xFF, '}');
    assertThat(out.get(1)).containsExactly((byte) 0xC3, (byte) 0xA9);
  }
}
