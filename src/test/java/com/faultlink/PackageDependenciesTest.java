package com.faultlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Arrows between packages point one way: no com.faultlink package depends, directly or through others, on a package
 * that depends on it. The dependencies are read from the compiled main classes by the JDK's own {@code jdeps}, so a
 * fully qualified name in code counts as much as an import, and a name in a comment does not. Subpackages are
 * packages of their own ({@code io.output} may use {@code io}, but then not the other way round).
 */
class PackageDependenciesTest {
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(com\\.faultlink[\\w.$]*)\\.[\\w$]+\\s+->\\s+(com\\.faultlink[\\w.$]*)\\.[\\w$]+\\s.*$");

  @Test
  void noCycleBetweenPackages() throws Exception {
    Map<String, Map<String, Set<String>>> graph = packageGraph(mainClasses());
    assertThat(graph).as("jdeps found the main classes' package dependencies").containsKey("com.faultlink.config");

    List<String> cycles = describe(cycles(graph), graph);

    assertThat(cycles).as("package cycles, each with the class dependencies that close it").isEmpty();
  }

  @Test
  void theCycleFinderSeesACycleThroughThreePackages() {
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    edge(graph, "a", "b", "a.A -> b.B");
    edge(graph, "b", "c", "b.B -> c.C");
    edge(graph, "c", "a", "c.C -> a.A");
    edge(graph, "c", "d", "c.C -> d.D");

    assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
    assertThat(describe(cycles(graph), graph).get(0))
        .contains("a -> b (a.A -> b.B)", "b -> c (b.B -> c.C)", "c -> a (c.C -> a.A)")
        .doesNotContain("d");
  }

  private static Path mainClasses() throws URISyntaxException {
    Path classes = Path.of(FaultLinkJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(Files.isDirectory(classes.resolve("com/faultlink"))).as(classes + " holds the main classes").isTrue();
    return classes;
  }

  /** package -> package it uses -> the class-level dependencies behind that arrow. */
  private static Map<String, Map<String, Set<String>>> packageGraph(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err),
        "-verbose:class", "-filter:package", "-e", "com\\.faultlink\\..*", classes.toString());
    assertThat(rc).as("jdeps: " + err).isZero();
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.matches() && !m.group(1).equals(m.group(2))) {
        String[] parts = line.trim().split("\\s+");
        edge(graph, m.group(1), m.group(2), parts[0] + " -> " + parts[2]);
      }
    }
    return graph;
  }

  private static void edge(Map<String, Map<String, Set<String>>> graph, String from, String to, String because) {
    graph.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>()).add(because);
    graph.computeIfAbsent(to, k -> new TreeMap<>());
  }

  /** The strongly connected components with more than one package (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Map<String, Set<String>>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    List<Set<String>> found = new ArrayList<>();
    for (String p : graph.keySet()) {
      if (!index.containsKey(p)) {
        strongConnect(p, graph, index, low, stack, found);
      }
    }
    return found;
  }

  private static void strongConnect(String v, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    for (String w : graph.get(v).keySet()) {
      if (!index.containsKey(w)) {
        strongConnect(w, graph, index, low, stack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }

  private static List<String> describe(List<Set<String>> cycles, Map<String, Map<String, Set<String>>> graph) {
    List<String> out = new ArrayList<>();
    for (Set<String> component : cycles) {
      StringBuilder sb = new StringBuilder(String.join(", ", component)).append(':');
      for (String from : component) {
        graph.get(from).forEach((to, because) -> {
          if (component.contains(to)) {
            sb.append("\n  ").append(from).append(" -> ").append(to).append(' ').append(because.toString()
                .replace('[', '(').replace(']', ')'));
          }
        });
      }
      out.add(sb.toString());
    }
    return out;
  }
}
