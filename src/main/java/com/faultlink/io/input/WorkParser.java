package com.faultlink.io.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.faultlink.io.Reasons;
import com.faultlink.model.PlannedWork;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one planned-works line ({@code {"id":"W-3","start":...,"end":...,"cells":[...],"regions":[...],
 * "announced":true}}) into a {@link PlannedWork}, or rejects it. {@code id} is a non-empty string; {@code start} and
 * {@code end} are timestamps with end after start; {@code cells} and {@code regions} are arrays of non-empty strings
 * (absent or null: empty); {@code announced} is a boolean (absent or null: true). Works have no envelope and are
 * never skipped.
 *
 * <p>Subscriber numbers in the work id, which outputs carry, are masked ({@link SubscriberMask}); the cell and
 * region names are matched against the tables and reach no output as they are.
 *
 * <p>The lists are plain {@link ArrayList}s (not {@code List.of}), which Flink's Kryo fallback can copy; treat them as
 * read-only. Thread-safe and stateless.
 */
public final class WorkParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SubscriberMask mask;

  /** With the default subscriber pattern and the development key (tests, tools). */
  public WorkParser() {
    this(SubscriberMask.withDefaultPattern(new CustomerKeyHasher(com.faultlink.config.ConfigLoader.DEVELOPMENT_SECRET)));
  }

  public WorkParser(SubscriberMask mask) {
    this.mask = java.util.Objects.requireNonNull(mask, "mask");
  }

  public ParseResult<PlannedWork> parse(String line) {
    try {
      ObjectNode root = JsonLines.readObject(line);
      String id = Fields.nonEmptyText(root, "id", "id");
      long start = Fields.timestamp(root, "start", "start");
      long end = Fields.timestamp(root, "end", "end");
      if (end <= start) {
        throw new Rejection("end " + Reasons.quote(root.get("end").textValue()) + " is not after start "
            + Reasons.quote(root.get("start").textValue()));
      }
      List<String> cells = strings(root, "cells");
      List<String> regions = strings(root, "regions");
      JsonNode announced = Fields.optional(root, "announced");
      if (announced != null && !announced.isBoolean()) {
        throw Fields.wrongType("announced", announced, "a boolean");
      }
      return ParseResult.accepted(
          new PlannedWork(mask.mask(id), start, end, cells, regions, announced == null || announced.booleanValue()));
    } catch (Rejection r) {
      return ParseResult.rejected(r.reason());
    } catch (RuntimeException e) {
      return ParseResult.rejected("could not be read (" + e.getClass().getName() + ")");
    }
  }

  private static List<String> strings(ObjectNode root, String name) {
    JsonNode v = Fields.optional(root, name);
    if (v == null) {
      return new ArrayList<>(0);
    }
    if (!v.isArray()) {
      throw Fields.wrongType(name, v, "an array of strings");
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String path = name + "[" + i + "]";
      if (!e.isTextual()) {
        throw Fields.wrongType(path, e, "a non-empty string");
      }
      if (e.textValue().isEmpty()) {
        throw new Rejection(path + " is empty");
      }
      out.add(e.textValue());
    }
    return out;
  }
}
