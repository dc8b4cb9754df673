package com.faultlink.burst;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import org.junit.jupiter.api.Test;

/** The detector's state is a Flink POJO: no Kryo fallback. */
class BurstSerializationTest {
  @Test
  void regionStateIsSerialisedAsAPojoWithoutKryo() {
    assertSerializedAsPojoWithoutKryo(RegionBurstState.class);
  }
}
