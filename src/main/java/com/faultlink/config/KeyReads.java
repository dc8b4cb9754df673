package com.faultlink.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys one config parse read, each with the defaults the code gave it: what {@link ConfigKeys} is checked
 * against (ConfigKeysTest), so that the documented keys and defaults cannot drift from the ones the loader uses.
 */
class KeyReads {
  /** Records nothing: every parse but the checking test's. */
  static final KeyReads NONE = new KeyReads() {
    @Override
    void leaf(String path, Object fallback) {}

    @Override
    void mapping(String path) {}
  };

  private final Map<String, List<Object>> leaves = new LinkedHashMap<>();
  private final Set<String> mappings = new LinkedHashSet<>();

  /** A value was read at {@code path}; {@code fallback} is what the code uses when it is absent (null: none). */
  void leaf(String path, Object fallback) {
    leaves.computeIfAbsent(path, p -> new ArrayList<>()).add(fallback);
  }

  /** A mapping was entered at {@code path} (a section such as {@code sinks.jdbc}). */
  void mapping(String path) {
    mappings.add(path);
  }

  /** Every value path read, with the defaults given at each read (nulls included). */
  Map<String, List<Object>> leaves() {
    return leaves;
  }

  Set<String> mappings() {
    return mappings;
  }
}
