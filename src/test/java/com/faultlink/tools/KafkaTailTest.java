package com.faultlink.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.faultlink.LocalKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/kafka-tail.sh shows what a read_committed dashboard sees, on a real broker. */
class KafkaTailTest {
  @TempDir Path home;

  @Test
  void onlyCommittedRecordsAreShownInTheirOrder() throws Exception {
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(home)) {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kafka-tail-test");
      p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("faultlink.alerts", "k", "{\"n\":1}"));
        producer.send(new ProducerRecord<>("faultlink.alerts", "k", "{\"n\":2}"));
        producer.commitTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("faultlink.alerts", "k", "{\"aborted\":true}"));
        producer.flush();
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("faultlink.alerts", "k", "{\"n\":3}"));
        producer.commitTransaction();
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int code = KafkaTail.tail(KafkaTail.parse(new String[] {"alerts", "--bootstrap", broker.bootstrap(),
          "--idle", "3"}), new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertThat(code).isZero();
      assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");

      bytes.reset();
      KafkaTail.tail(KafkaTail.parse(new String[] {"alerts", "--bootstrap", broker.bootstrap(), "--idle", "2",
          "--last", "2"}), new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).as("the last offsets hold a commit marker too")
          .isNotEmpty().endsWith("{\"n\":3}").doesNotContain("{\"aborted\":true}");
    }
  }

  @Test
  void argumentErrorsAreSaidInPlainWords() {
    assertThatThrownBy(() -> KafkaTail.parse(new String[] {})).hasMessageContaining("name the stream");
    assertThatThrownBy(() -> KafkaTail.parse(new String[] {"alerts", "--last", "two"}))
        .hasMessage("--last takes a whole number of 0 or more, not 'two'");
    assertThatThrownBy(() -> KafkaTail.parse(new String[] {"alerts", "--bogus", "1"}))
        .hasMessageContaining("unknown option --bogus");
    assertThat(KafkaTail.parse(new String[] {"metrics", "--topic-prefix", "noc."}).topic()).isEqualTo("noc.metrics");
  }
}
