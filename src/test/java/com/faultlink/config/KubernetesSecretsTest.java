package com.faultlink.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests: the Secret's variables reach the pods, and the config names them, never a value. */
class KubernetesSecretsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyVariableTheConfigNamesIsAKeyOfTheSecretThePodsRead() throws IOException {
    JsonNode secret = YAML.readTree(Path.of("jobs/k8s/faultlink-secret.yaml").toFile());
    JsonNode deployment = YAML.readTree(Path.of("jobs/k8s/faultlink-deployment.yaml").toFile());
    JsonNode configMap = YAML.readTree(Path.of("jobs/k8s/faultlink-config.yaml").toFile());

    assertThat(secret.path("kind").asText()).isEqualTo("Secret");
    String name = secret.path("metadata").path("name").asText();
    Set<String> keys = new HashSet<>();
    secret.path("stringData").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).contains(ConfigLoader.SECRET_ENV);

    JsonNode container = deployment.path("spec").path("podTemplate").path("spec").path("containers").get(0);
    assertThat(container.path("envFrom").findValuesAsText("name")).contains(name);

    String faultlinkYaml = configMap.path("data").path("faultlink.yaml").asText();
    JsonNode config = YAML.readTree(faultlinkYaml);
    assertThat(config.path("privacy").path("customerKeySecret").asText())
        .isEqualTo("${" + ConfigLoader.SECRET_ENV + "}");
    // Every ${VARIABLE} in the config, comments included (they are the examples people copy), is in the Secret.
    Matcher refs = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(faultlinkYaml);
    while (refs.find()) {
      assertThat(keys).as("variable %s", refs.group(1)).contains(refs.group(1));
    }
  }
}
