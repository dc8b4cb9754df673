package com.faultlink.io.output;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import org.junit.jupiter.api.Test;

class KeyedLineSerializationTest {
  @Test
  void anOutputLineWithItsKeyIsAPojo() {
    assertSerializedAsPojoWithoutKryo(KeyedLine.class);
  }
}
