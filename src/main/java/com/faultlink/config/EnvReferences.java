package com.faultlink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code ${NAME}} in any config text is replaced by the environment variable {@code NAME}, so that secrets (the
 * customer-key secret, database and Kafka passwords, Alertmanager credentials) live in the environment or a
 * Kubernetes Secret, not in the file. {@code $${} writes a literal {@code ${}. A reference to a variable that is
 * not set stops the run naming the key and the variable; the value itself is never echoed.
 */
final class EnvReferences {
  private EnvReferences() {}

  static JsonNode expand(JsonNode tree, Map<String, String> env) {
    if (tree == null) {
      return null;
    }
    return expand(tree, "", env);
  }

  private static JsonNode expand(JsonNode node, String path, Map<String, String> env) {
    if (node.isTextual()) {
      String text = node.asText();
      return text.indexOf('$') < 0 ? node : TextNode.valueOf(substitute(text, path, env));
    }
    if (node.isObject()) {
      ObjectNode obj = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        e.setValue(expand(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), env));
      }
      return obj;
    }
    if (node.isArray()) {
      ArrayNode arr = (ArrayNode) node;
      for (int i = 0; i < arr.size(); i++) {
        arr.set(i, expand(arr.get(i), path + "[" + i + "]", env));
      }
    }
    return node;
  }

  /** {@code text} with every {@code ${NAME}} replaced; {@code $${} is a literal {@code ${}. */
  static String substitute(String text, String key, Map<String, String> env) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (c == '$' && text.startsWith("${", i)) {
        int end = text.indexOf('}', i + 2);
        if (end < 0) {
          throw new ConfigException("config key '" + key + "': '${' without a closing '}' (write $${ for a literal ${)");
        }
        String name = text.substring(i + 2, end);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new ConfigException("config key '" + key + "': '${" + name + "}' is not an environment variable name");
        }
        String value = env.get(name);
        if (value == null) {
          throw new ConfigException("config key '" + key + "': environment variable " + name + " is not set");
        }
        out.append(value);
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
