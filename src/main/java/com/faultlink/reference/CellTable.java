package com.faultlink.reference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cell table, loaded once at job start and shipped with the operators that need it.
 *
 * <p>Shipping it is a cost of every job start: each function that holds it is serialized when the job is
 * built and deserialized in each of its tasks (a province's 36 000 cells, about ten times). Java serialization
 * therefore sees the table as one packed byte array ({@link Packed}: the rows in order, as length-prefixed
 * UTF-8 and doubles) instead of a map of objects, and the tasks of one JVM that unpack the same bytes share one
 * table. Immutable, so sharing is safe.
 */
public final class CellTable implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Set<String> TECHNOLOGIES = Set.of("2G", "3G", "4G", "5G", "WLAN");

  /** The table this JVM unpacked last, with its bytes: tasks deserializing the same table share it. */
  private static volatile Packed lastUnpacked;

  private final Map<String, Cell> byId;
  /** The packed form, made on the first serialization (or kept from the unpacking). */
  private transient volatile byte[] packed;

  private CellTable(Map<String, Cell> byId) {
    this.byId = byId;
  }

  public static CellTable of(Collection<Cell> cells) {
    Map<String, Cell> map = new LinkedHashMap<>();
    for (Cell c : cells) {
      if (map.put(c.cellId(), c) != null) {
        throw new ReferenceDataException("cell " + c.cellId() + " is listed twice");
      }
    }
    return new CellTable(Collections.unmodifiableMap(map));
  }

  public static CellTable load(Path file) {
    List<String[]> rows = CsvTable.read(file, "cell_id", "site_id", "region", "technology", "lat", "lon");
    Map<String, Cell> map = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      String where = CsvTable.where(file, i);
      if (r[0].isEmpty() || r[1].isEmpty() || r[2].isEmpty()) {
        throw new ReferenceDataException(where + ": cell_id, site_id and region must not be empty");
      }
      if (!TECHNOLOGIES.contains(r[3])) {
        throw new ReferenceDataException(where + ": technology '" + r[3] + "' is not one of " + TECHNOLOGIES);
      }
      double lat = coordinate(r[4], -90, 90, "lat", where);
      double lon = coordinate(r[5], -180, 180, "lon", where);
      if (map.put(r[0], new Cell(r[0], r[1], r[2], r[3], lat, lon)) != null) {
        throw new ReferenceDataException(where + ": cell " + r[0] + " is listed twice");
      }
    }
    return new CellTable(Collections.unmodifiableMap(map));
  }

  private static double coordinate(String text, double min, double max, String name, String where) {
    try {
      double v = Double.parseDouble(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ReferenceDataException(where + ": " + name + " '" + text + "' is not a number in [" + min + ", " + max + "]");
  }

  /** The cell, or null where the table does not know it. */
  public Cell get(String cellId) {
    return cellId == null ? null : byId.get(cellId);
  }

  public boolean contains(String cellId) {
    return get(cellId) != null;
  }

  public Collection<Cell> cells() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }

  /** Java serialization writes the packed form. */
  private Object writeReplace() {
    byte[] bytes = packed;
    if (bytes == null) {
      bytes = pack(byId.values());
      packed = bytes;
    }
    return new Packed(bytes);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a CellTable is serialized in its packed form");
  }

  private static byte[] pack(Collection<Cell> cells) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(cells.size() * 64 + 16);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(cells.size());
      for (Cell c : cells) {
        writeText(out, c.cellId());
        writeText(out, c.siteId());
        writeText(out, c.region());
        writeText(out, c.technology());
        out.writeDouble(c.lat());
        out.writeDouble(c.lon());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static CellTable unpack(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    int n = in.readInt();
    Map<String, Cell> map = new LinkedHashMap<>(Math.max(16, n * 4 / 3 + 1));
    Map<String, String> shared = new HashMap<>(); // sites, regions and technologies repeat: one String each
    for (int i = 0; i < n; i++) {
      String id = readText(in);
      String site = shared.computeIfAbsent(readText(in), k -> k);
      String region = shared.computeIfAbsent(readText(in), k -> k);
      String technology = shared.computeIfAbsent(readText(in), k -> k);
      map.put(id, new Cell(id, site, region, technology, in.readDouble(), in.readDouble()));
    }
    CellTable table = new CellTable(Collections.unmodifiableMap(map));
    table.packed = bytes;
    return table;
  }

  private static String readText(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** The serialized form of a {@link CellTable}. */
  private static final class Packed implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private transient CellTable table;

    Packed(byte[] bytes) {
      this.bytes = bytes;
    }

    private Object readResolve() throws InvalidObjectException {
      Packed last = lastUnpacked;
      if (last != null && Arrays.equals(last.bytes, bytes)) {
        return last.table;
      }
      try {
        table = unpack(bytes);
      } catch (IOException e) {
        InvalidObjectException invalid = new InvalidObjectException("damaged cell table");
        invalid.initCause(e);
        throw invalid;
      }
      lastUnpacked = this;
      return table;
    }
  }
}
