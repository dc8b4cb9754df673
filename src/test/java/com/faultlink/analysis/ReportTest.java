package com.faultlink.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a replay of the generated set: self-contained, bilingual, every section there; rendered by
 * headless Chromium (Debian's package), whose DOM must hold the tables and figures and whose screenshot must
 * show them (kept as target/report-screenshot.png to look at).
 */
class ReportTest {
  static final List<String> CHINESE_LABELS = List.of("退服次数", "退服时长(小时)", "故障投诉", "万用户投诉比",
      "重复投诉率", "黄金时间窗", "环比", "地市");

  @TempDir Path tmp;

  private Path render() throws Exception {
    Path html = tmp.resolve("report.html");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Report.run(new String[] {AnalysisFixtures.replayedGenerated().toString(), "--from", "2026-10-05",
        "--to", "2026-10-13", "--out", html.toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return html;
  }

  @Test
  void theReportIsOneSelfContainedBilingualPageWithEverySection() throws Exception {
    String html = Files.readString(render());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
        .doesNotContain("url(").doesNotContain("@import");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");
    for (String id : List.of("weekly", "per10k", "golden", "top-outages", "repeat", "targets", "hotspots")) {
      assertThat(html).contains("<section id=\"" + id + "\">");
    }
    assertThat(html).contains(CHINESE_LABELS.toArray(String[]::new));
    assertThat(html).contains("Outages / 退服次数").contains("Outage hours / 退服时长(小时)")
        .contains("Fault complaints / 故障投诉").contains("Golden window / 黄金时间窗");
    assertThat(count(html, "<h3>Week ")).as("two ISO weeks in 2026-10-05..13").isEqualTo(2);
    assertThat(count(html, "<svg")).isGreaterThanOrEqualTo(3);
    assertThat(html).contains("Yinchuan 银川").contains("All cities / 全部地市");
  }

  @Test
  void eachCitysMissedTargetShowsARedLightAndItsHotspotsAreListed() throws Exception {
    Path out = tmp.resolve("kpi-outputs");
    write(out, "metrics", "{\"region\":\"Yinchuan\",\"period\":\"month\",\"periodStart\":\"2026-10-01\","
        + "\"targets\":{\"repeatComplaintRatePct\":{\"op\":\"max\",\"target\":8.0,\"value\":11.92,\"met\":false},"
        + "\"onTimeRatePct\":{\"op\":\"min\",\"target\":95.0,\"value\":null,\"met\":null}}}\n"
        + "{\"region\":\"Guyuan\",\"period\":\"month\",\"periodStart\":\"2026-10-01\","
        + "\"targets\":{\"repeatComplaintRatePct\":{\"op\":\"max\",\"target\":8.0,\"value\":7.5,\"met\":true},"
        + "\"onTimeRatePct\":{\"op\":\"min\",\"target\":95.0,\"value\":null,\"met\":null}}}");
    write(out, "hotspots", "{\"region\":\"Yinchuan\",\"weekStart\":\"2026-10-05\",\"level\":\"cell\",\"id\":"
        + "\"NX-YC-0055-3\",\"siteId\":\"NX-YC-0055\",\"technology\":\"4G\",\"rank\":1,\"complaints\":5,\"cells\":1}\n"
        + "{\"region\":\"Yinchuan\",\"weekStart\":\"2026-10-05\",\"level\":\"site\",\"id\":\"NX-YC-0055\","
        + "\"siteId\":\"NX-YC-0055\",\"technology\":null,\"rank\":1,\"complaints\":7,\"cells\":2}");
    Path html = tmp.resolve("kpi.html");
    assertThat(Report.run(new String[] {out.toString(), "--from", "2026-10-05", "--to", "2026-10-11", "--out",
        html.toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isZero();
    String page = Files.readString(html);
    String targets = page.substring(page.indexOf("<section id=\"targets\">"), page.indexOf("<section id=\"hotspots\">"));
    assertThat(count(targets, "class=\"num light missed\"")).as("Yinchuan's repeat rate").isEqualTo(1);
    assertThat(count(targets, "class=\"num light met\"")).as("Guyuan's").isEqualTo(1);
    assertThat(count(targets, "class=\"num light none\"")).as("the two ticket figures without value").isEqualTo(2);
    assertThat(targets).contains("11.92").contains("≤ 8").contains("未达标");
    String hotspots = page.substring(page.indexOf("<section id=\"hotspots\">"));
    assertThat(hotspots).contains("NX-YC-0055-3").contains("NX-YC-0055").contains("Yinchuan 银川");
  }

  @Test
  void goldenWindowEstimatesAreMarkedOnTheCurveAndDrawnPerScope() throws Exception {
    Path out = tmp.resolve("outputs");
    write(out, "metrics", "{\"region\":\"*\",\"period\":\"day\",\"periodStart\":\"2026-10-05\"}");
    StringBuilder outages = new StringBuilder();
    StringBuilder complaints = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      outages.append("{\"outageId\":\"S/A-").append(i).append("\",\"cellId\":\"C\",\"region\":\"Yinchuan\",")
          .append("\"start\":\"2026-10-05T08:00:00+08:00\",\"end\":null,\"durationMinutes\":90,\"complaints\":2}\n");
      for (int lag : new int[] {10, 50}) {
        complaints.append("{\"complaintId\":\"T").append(i).append('-').append(lag).append("\",\"outageId\":\"S/A-")
            .append(i).append("\",\"lagMinutes\":").append(lag)
            .append(",\"complaintTime\":\"2026-10-05T09:00:00+08:00\"}\n");
      }
    }
    write(out, "outage-impacts", outages.toString());
    write(out, "attributions", complaints.toString());
    write(out, "golden-windows",
        "{\"region\":\"*\",\"technology\":\"*\",\"validFrom\":\"2026-10-05T00:00:00+08:00\","
            + "\"goldenWindowMinutes\":38.5,\"ciLowMinutes\":33,\"ciHighMinutes\":44,\"outages\":120}\n"
            + "{\"region\":\"Yinchuan\",\"technology\":\"4G\",\"validFrom\":\"2026-10-05T00:00:00+08:00\","
            + "\"goldenWindowMinutes\":35,\"ciLowMinutes\":30,\"ciHighMinutes\":41,\"outages\":60}");
    Path html = tmp.resolve("golden.html");
    assertThat(Report.run(new String[] {out.toString(), "--from", "2026-10-05", "--to", "2026-10-05", "--out",
        html.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
    String page = Files.readString(html);
    assertThat(page).contains("Golden window / 黄金时间窗 38.5 min").contains("Golden window per scope")
        .contains("Yinchuan 银川 · 4G").contains("All cities / 全部地市 · all / 全部制式").contains("120 outages")
        .doesNotContain("No golden-window estimates");
  }

  private static void write(Path out, String stream, String lines) throws IOException {
    Files.createDirectories(out.resolve(stream));
    Files.writeString(out.resolve(stream).resolve("part-0.jsonl"), lines + "\n");
  }

  @Test
  void headlessChromiumRendersTheTablesAndChartsWithChineseLabels() throws Exception {
    String chromium = chromium();
    Assumptions.assumeTrue(chromium != null,
        "SKIPPED: Chromium is not installed (apt-get install -y chromium; .ci/run installs it)");
    Path html = render();
    String dom = run(List.of(chromium, "--dump-dom", html.toUri().toString()));
    assertThat(dom).contains("<table class=\"weekly\">").contains("<svg").contains("<figure>");
    assertThat(count(dom, "<table")).isGreaterThanOrEqualTo(5);
    assertThat(dom).contains(CHINESE_LABELS.toArray(String[]::new));

    Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    run(List.of(chromium, "--screenshot=" + png, "--window-size=1280,2400", html.toUri().toString()));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2400);
    // Tables, bars and text: many colours, and ink on a good part of the page (not a blank or error page).
    Set<Integer> colours = new HashSet<>();
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        if (rgb != 0xFFFFFF) {
          ink++;
        }
      }
    }
    assertThat(colours.size()).as("colours in the screenshot").isGreaterThan(50);
    assertThat(ink).as("non-white samples").isGreaterThan(20_000);
  }

  private String run(List<String> chromiumArgs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(chromiumArgs.get(0));
    cmd.addAll(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium")));
    cmd.addAll(chromiumArgs.subList(1, chromiumArgs.size()));
    Path stdout = Files.createTempFile(tmp, "chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as("chromium exit").isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  static String chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  private static int count(String s, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
