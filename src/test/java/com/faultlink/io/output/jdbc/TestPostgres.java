package com.faultlink.io.output.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, from the machine's PostgreSQL binaries (Debian's {@code postgresql} package,
 * {@code /usr/lib/postgresql/<version>/bin}; {@code .ci/run} installs it). PostgreSQL refuses to run as root, so
 * when the tests run as root (CI does) the server runs as the unprivileged user {@code postgres} through
 * {@code runuser}. It listens on 127.0.0.1 on a free port, with trust authentication, fsync off, in a temporary
 * folder removed on {@link #close()}.
 */
public final class TestPostgres implements AutoCloseable {
  private static final String OS_USER = "postgres";
  public static final String DB_USER = "faultlink";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asRoot;

  private TestPostgres(Path bin, Path dir, int port, boolean asRoot) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asRoot = asRoot;
  }

  public static TestPostgres start() throws Exception {
    Path bin = findBin();
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("faultlink-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    TestPostgres pg = new TestPostgres(bin, dir, port, asRoot);
    if (asRoot) {
      run(List.of("chown", OS_USER + ":", dir.toString()));
    }
    pg.runAsServerUser(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", DB_USER,
        "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
    pg.runAsServerUser(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
        "-l", dir.resolve("server.log").toString(), "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
        "start");
    try (Connection c = DriverManager.getConnection(pg.url("postgres"), DB_USER, "");
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE faultlink");
    }
    return pg;
  }

  private static Path findBin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path best = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
            .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
            .orElse(null);
        if (best != null) {
          return best.resolve("bin");
        }
      }
    }
    throw new IllegalStateException("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: install Debian's "
        + "postgresql package (apt-get install -y postgresql; .ci/run does)");
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String url() {
    return url("faultlink");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), DB_USER, "");
  }

  /** Runs the project's DDL, {@code jobs/sql/faultlink.sql}. */
  public void createTables() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute(Files.readString(Path.of("jobs/sql/faultlink.sql")));
    }
  }

  /** Stops the server at once (as a crash would), keeping its data: {@link #startServer()} brings it back. */
  public void stopServer() throws Exception {
    runAsServerUser(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
        "-w", "stop");
  }

  /** Starts the server again on the same port with the same data. */
  public void startServer() throws Exception {
    runAsServerUser(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
        "-l", dir.resolve("server.log").toString(), "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
        "start");
  }

  private void runAsServerUser(String... command) throws Exception {
    List<String> cmd = new ArrayList<>();
    if (asRoot) {
      cmd.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    cmd.addAll(List.of(command));
    run(cmd);
  }

  private static void run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + output);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (Files.exists(dir.resolve("data/postmaster.pid"))) {
        stopServer();
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
