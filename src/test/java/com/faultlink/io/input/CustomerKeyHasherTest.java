package com.faultlink.io.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerKeyHasherTest {
  private final CustomerKeyHasher hasher = new CustomerKeyHasher("secret");

  @Test
  void isTheFirst16HexCharactersOfHmacSha256() {
    // python3 -c "import hmac,hashlib; print(hmac.new(b'secret', b'13995000001', hashlib.sha256).hexdigest()[:16])"
    assertThat(hasher.keyOf("13995000001")).isEqualTo("8af207fc1e1c314f");
    assertThat(new CustomerKeyHasher("test-secret").keyOf("13995000001")).isEqualTo("0cc00489f7bc7641");
  }

  @Test
  void isStableAcrossInstancesAndDependsOnTheSecret() {
    assertThat(new CustomerKeyHasher("secret").keyOf("13995000001")).isEqualTo(hasher.keyOf("13995000001"));
    assertThat(new CustomerKeyHasher("other").keyOf("13995000001")).isNotEqualTo(hasher.keyOf("13995000001"));
    assertThat(hasher.keyOf("13995000002")).isNotEqualTo(hasher.keyOf("13995000001")).matches("[0-9a-f]{16}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"13995000001", "139-9500-0001", "139 9500 0001", "(139) 9500-0001", "8613995000001",
      "+8613995000001", "+86 139 9500 0001", "86-139-9500-0001", "tel:+86-13995000001", "１３９９５０００００１"})
  void keepsOnlyDigitsAndDropsTheCountryCodeOfA13DigitNumber(String spelling) {
    assertThat(CustomerKeyHasher.normalise(spelling)).isEqualTo("13995000001");
    assertThat(hasher.keyOf(spelling)).isEqualTo(hasher.keyOf("13995000001"));
  }

  @ParameterizedTest
  @CsvSource({"861399500000, 861399500000", "86139950000011, 86139950000011", "8613995000, 8613995000",
      "0086 139 9500 0001, 008613995000001", "12345, 12345", "1399500000186, 1399500000186"})
  void keeps86WhereTheNumberIsNot13DigitsOrDoesNotStartWithIt(String spelling, String digits) {
    assertThat(CustomerKeyHasher.normalise(spelling)).isEqualTo(digits);
  }

  @Test
  void refusesATextWithoutDigitsWithoutQuotingIt() {
    assertThatThrownBy(() -> hasher.keyOf("anonymous"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("anonymous");
  }

  @Test
  void refusesAnEmptySecret() {
    assertThatThrownBy(() -> new CustomerKeyHasher("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CustomerKeyHasher(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void neverShowsItsSecret() {
    assertThat(new CustomerKeyHasher("s3cr3t-value").toString()).doesNotContain("s3cr3t");
  }

  @Test
  void survivesSerialization() throws Exception {
    hasher.keyOf("13995000001"); // the per-thread Mac exists before it is serialized
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(hasher);
    }
    CustomerKeyHasher copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (CustomerKeyHasher) in.readObject();
    }
    assertThat(copy.keyOf("13995000001")).isEqualTo("8af207fc1e1c314f");
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 5000; i++) {
            String n = "1399500" + String.format("%04d", i % 50);
            String expected = i % 50 == 1 ? "8af207fc1e1c314f" : null;
            String key = hasher.keyOf(n);
            if (key.length() != 16 || (expected != null && !expected.equals(key))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
