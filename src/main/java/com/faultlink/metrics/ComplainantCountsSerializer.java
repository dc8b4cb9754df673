package com.faultlink.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a {@link ComplainantCounts} as its entry count, then its entries (period day, customer number,
 * complaints: 16 bytes each) in blocks of bytes: a checkpoint stream handed a long at a time takes one call per
 * byte, and a province's month has a few hundred thousand entries per checkpoint.
 */
public final class ComplainantCountsSerializer extends TypeSerializerSingleton<ComplainantCounts> {
  private static final long serialVersionUID = 1L;
  public static final ComplainantCountsSerializer INSTANCE = new ComplainantCountsSerializer();

  private static final int ENTRY_BYTES = 16;
  private static final int BLOCK_ENTRIES = 4096;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public ComplainantCounts createInstance() {
    return new ComplainantCounts();
  }

  @Override
  public ComplainantCounts copy(ComplainantCounts from) {
    return from.copy();
  }

  @Override
  public ComplainantCounts copy(ComplainantCounts from, ComplainantCounts reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(ComplainantCounts record, DataOutputView target) throws IOException {
    int size = record.size();
    target.writeInt(size);
    ByteBuffer block = ByteBuffer.allocate(Math.min(size, BLOCK_ENTRIES) * ENTRY_BYTES);
    record.<IOException>forEach((day, customer, complaints) -> {
      block.putInt(day).putLong(customer).putInt(complaints);
      if (!block.hasRemaining()) {
        flush(block, target);
      }
    });
    flush(block, target);
  }

  private static void flush(ByteBuffer block, DataOutputView target) throws IOException {
    if (block.position() == 0) {
      return;
    }
    target.write(block.array(), 0, block.position());
    block.clear();
  }

  @Override
  public ComplainantCounts deserialize(DataInputView source) throws IOException {
    int size = source.readInt();
    if (size < 0) {
      throw new IOException("complainant counts: negative entry count " + size);
    }
    ComplainantCounts counts = ComplainantCounts.withRoomFor(size);
    byte[] bytes = new byte[Math.min(size, BLOCK_ENTRIES) * ENTRY_BYTES];
    ByteBuffer block = ByteBuffer.wrap(bytes);
    for (int left = size; left > 0; ) {
      int n = Math.min(left, BLOCK_ENTRIES);
      source.readFully(bytes, 0, n * ENTRY_BYTES);
      block.clear();
      for (int i = 0; i < n; i++) {
        counts.add(block.getInt(), block.getLong(), block.getInt());
      }
      left -= n;
    }
    return counts;
  }

  @Override
  public ComplainantCounts deserialize(ComplainantCounts reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int size = source.readInt();
    target.writeInt(size);
    // in blocks: not every view grows for write(DataInputView, int)
    byte[] block = new byte[Math.min(size, BLOCK_ENTRIES) * ENTRY_BYTES];
    for (int left = size; left > 0; ) {
      int n = Math.min(left, BLOCK_ENTRIES) * ENTRY_BYTES;
      source.readFully(block, 0, n);
      target.write(block, 0, n);
      left -= n / ENTRY_BYTES;
    }
  }

  @Override
  public TypeSerializerSnapshot<ComplainantCounts> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores this serializer; its format has one version so far. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<ComplainantCounts> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }

  /** The one instance, also after Java deserialization. */
  private Object readResolve() {
    return INSTANCE;
  }
}
