package com.faultlink.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Random;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ComplainantCountsSerializerTest {
  private static final ComplainantCountsSerializer SERIALIZER = ComplainantCountsSerializer.INSTANCE;

  private static ComplainantCounts filled(int entries, long seed) {
    Random random = new Random(seed);
    ComplainantCounts counts = new ComplainantCounts();
    while (counts.size() < entries) {
      counts.add(20_000 + random.nextInt(3), random.nextLong(), 1 + random.nextInt(5));
    }
    return counts;
  }

  private static byte[] bytes(ComplainantCounts counts) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    SERIALIZER.serialize(counts, out);
    return out.getCopyOfBuffer();
  }

  @Test
  void tablesOfEverySizeAroundTheBlockSizeComeBackEqual() throws IOException {
    for (int entries : new int[] {0, 1, 4095, 4096, 4097, 10_000}) {
      ComplainantCounts counts = filled(entries, entries);
      byte[] written = bytes(counts);
      assertThat(written).hasSize(4 + 16 * entries);
      DataInputDeserializer in = new DataInputDeserializer(written);
      ComplainantCounts read = SERIALIZER.deserialize(in);
      assertThat(read).as(entries + " entries").isEqualTo(counts);
      assertThat(in.available()).isZero();
      assertThat(SERIALIZER.deserialize(new ComplainantCounts(), new DataInputDeserializer(written))).isEqualTo(counts);
    }
  }

  @Test
  void copyingSerializedFormMovesExactlyOneTable() throws IOException {
    ComplainantCounts first = filled(5_000, 1);
    ComplainantCounts second = filled(3, 2);
    DataOutputSerializer two = new DataOutputSerializer(64);
    SERIALIZER.serialize(first, two);
    SERIALIZER.serialize(second, two);
    DataInputDeserializer in = new DataInputDeserializer(two.getCopyOfBuffer());
    DataOutputSerializer copied = new DataOutputSerializer(64);
    SERIALIZER.copy(in, copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(bytes(first));
    assertThat(SERIALIZER.deserialize(in)).isEqualTo(second);
  }

  @Test
  void aCopyIsDeep() {
    ComplainantCounts original = filled(10, 3);
    ComplainantCounts copy = SERIALIZER.copy(original);
    copy.add(1, 1L, 1);
    assertThat(original.get(1, 1L)).isZero();
    assertThat(SERIALIZER.copy(original, new ComplainantCounts())).isEqualTo(original).isNotSameAs(original);
  }

  @Test
  void aNegativeEntryCountIsCorruptData() {
    DataOutputSerializer out = new DataOutputSerializer(8);
    assertThatThrownBy(() -> {
      out.writeInt(-1);
      SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }).isInstanceOf(IOException.class).hasMessageContaining("negative");
  }

  @Test
  void itsSnapshotRestoresTheSameSerializerAndAcceptsItsOwnFormat() throws Exception {
    TypeSerializerSnapshot<ComplainantCounts> snapshot = SERIALIZER.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<ComplainantCounts> read = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertThat(read.restoreSerializer()).isSameAs(SERIALIZER);
    assertThat(SERIALIZER.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
    TypeSerializer<ComplainantCounts> javaCopy = InstantiationUtil.clone(SERIALIZER);
    assertThat(javaCopy).isSameAs(SERIALIZER);
    assertThat(SERIALIZER.duplicate()).isSameAs(SERIALIZER);
  }
}
