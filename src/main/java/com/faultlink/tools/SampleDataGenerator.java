package com.faultlink.tools;

import com.faultlink.tools.generator.GeneratorOptions;
import com.faultlink.tools.generator.SampleSet;
import java.io.IOException;

/**
 * Writes a deterministic, realistic input set for FaultLink: the cell and region tables of Ningxia's five
 * cities, TMF642 alarm notifications, TMF621 complaints and planned works (see {@code sample-data/RECIPE.md}).
 * Plain Java, no Flink: {@code java -cp target/classes com.faultlink.tools.SampleDataGenerator --out DIR}.
 * The same arguments and seed give byte-identical files.
 */
public final class SampleDataGenerator {
  private SampleDataGenerator() {}

  public static void main(String[] args) throws IOException {
    GeneratorOptions options;
    try {
      options = GeneratorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(GeneratorOptions.USAGE);
      System.exit(2);
      return;
    }
    System.out.println(generate(options).line());
  }

  /** Generates the whole set into {@code options.out()} and returns what was written. */
  public static SampleSet.Summary generate(GeneratorOptions options) throws IOException {
    return SampleSet.write(options);
  }
}
