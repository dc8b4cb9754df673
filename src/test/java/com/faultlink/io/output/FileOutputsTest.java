package com.faultlink.io.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileOutputsTest {

  /** Counts the calls an encoder makes, as the file sink's unbuffered part stream turns each into a system call. */
  private static final class CountingStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int calls;

    @Override
    public void write(int b) {
      calls++;
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      calls++;
      bytes.write(b, off, len);
    }
  }

  @Test
  void aLineIsWrittenWithItsNewlineInOneCall() throws IOException {
    CountingStream out = new CountingStream();
    FileOutputs.writeLine("{\"region\":\"银川\",\"n\":1}", out);
    FileOutputs.writeLine("", out);
    assertEquals(2, out.calls);
    assertArrayEquals("{\"region\":\"银川\",\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8), out.bytes.toByteArray());
  }
}
