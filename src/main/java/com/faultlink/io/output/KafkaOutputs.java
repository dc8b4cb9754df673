package com.faultlink.io.output;

import com.faultlink.config.SinksConfig;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes an output stream to its Kafka topic, exactly once: each sink subtask writes inside a Kafka transaction
 * that is committed when the checkpoint after it completes, so a consumer reading with {@code
 * isolation.level=read_committed} sees every record once, after a restart from a checkpoint too. Records are
 * visible one checkpoint interval after they are written.
 *
 * <p>The record value is the JSON line of the file output; the key keeps what belongs together on one
 * partition, in order:
 *
 * <table>
 *   <caption>Record keys</caption>
 *   <tr><th>stream</th><th>key</th></tr>
 *   <tr><td>attributions</td><td>{@code outageId}; a complaint not attributed: its {@code complaintId}</td></tr>
 *   <tr><td>outage-impacts</td><td>{@code outageId}</td></tr>
 *   <tr><td>alerts, metrics, golden-windows, burst-thresholds</td><td>{@code region} ({@code *} for all)</td></tr>
 *   <tr><td>dead-letters</td><td>{@code source} (the input: alarms, complaints, works)</td></tr>
 * </table>
 *
 * <p>{@code transaction.timeout.ms} is {@code sinks.kafka.transactionTimeout} (default 15 minutes, the broker's
 * default {@code transaction.max.timeout.ms}; Flink's own default of one hour is rejected by such a broker). It
 * also bounds how long a job may be down: output prepared for a checkpoint is committed when the job comes back
 * from that checkpoint, unless the broker has aborted the transaction by then.
 */
public final class KafkaOutputs {
  private KafkaOutputs() {}

  public static void write(DataStream<KeyedLine> lines, SinksConfig.KafkaSink config, String stream) {
    String topic = config.topic(stream);
    Properties props = new Properties();
    props.putAll(config.properties());
    props.setProperty("transaction.timeout.ms", Long.toString(config.transactionTimeout().toMillis()));
    KafkaSink<KeyedLine> sink = KafkaSink.<KeyedLine>builder()
        .setBootstrapServers(config.bootstrapServers())
        .setKafkaProducerConfig(props)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(config.transactionalIdPrefix() + "-" + stream)
        .setRecordSerializer(new Serializer(topic))
        .build();
    lines.sinkTo(sink).uid("sink-kafka-" + stream).name("Write " + stream + " (Kafka " + topic + ")");
  }

  /** Key and value as UTF-8 text. */
  static final class Serializer implements KafkaRecordSerializationSchema<KeyedLine> {
    private static final long serialVersionUID = 1L;
    private final String topic;

    Serializer(String topic) {
      this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(KeyedLine line, KafkaSinkContext context, Long timestamp) {
      byte[] key = line.key() == null ? null : line.key().getBytes(StandardCharsets.UTF_8);
      return new ProducerRecord<>(topic, null, key, line.line().getBytes(StandardCharsets.UTF_8));
    }
  }
}
