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

  @Test
  void aChangeOnASmallBaseIsADifferenceAndALargeOneAPercentage() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    // 66 outages after 2: +3,200 % (the example) is shown as +64 from 2.
    assertThat(HtmlReport.changeCell(json.readTree("{\"outages\":66,\"outagesChangePct\":3200.0}"), "outages",
        "outagesChangePct")).contains("+64 (from / 上期 2)").doesNotContain("3200.00%");
    // 120 after 80: a base of 80 is large enough for a percentage.
    assertThat(HtmlReport.changeCell(json.readTree("{\"outages\":120,\"outagesChangePct\":50.0}"), "outages",
        "outagesChangePct")).contains("▲ +50.00%");
    // 3 after 9 (-66.67 %): still a small base.
    assertThat(HtmlReport.changeCell(json.readTree("{\"outages\":3,\"outagesChangePct\":-66.67}"), "outages",
        "outagesChangePct")).contains("-6 (from / 上期 9)");
    assertThat(HtmlReport.changeCell(json.readTree("{\"outages\":3,\"outagesChangePct\":null}"), "outages",
        "outagesChangePct")).contains(">–<");
  }

  @Test
  void durationsAreHoursAndAxesStepByRoundNumbers() {
    assertThat(HtmlReport.hoursCell(2296.72)).contains(">38.3 h<");
    assertThat(HtmlReport.hoursCell(null)).contains(">–<");
    assertThat(Svg.niceStep(1.4)).isEqualTo(2.0);
    assertThat(Svg.niceStep(0.3)).isEqualTo(0.5);
    assertThat(Svg.niceStep(22.5)).isEqualTo(50.0);
    assertThat(Svg.niceMax(7)).isEqualTo(8.0); // ticks 0, 2, 4, 6, 8
    assertThat(Svg.niceMax(11)).isEqualTo(15.0); // 0, 5, 10, 15
    assertThat(Svg.niceMax(0.55)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9)); // 0, 0.2, 0.4, 0.6
    assertThat(Svg.niceMax(100)).isEqualTo(100.0);
    String svg = Svg.groupedBars("t", List.of("a"), List.of(new Svg.Series("s", "#000", List.of(7.0))), "y");
    List<String> ticks = new ArrayList<>();
    Matcher m = Pattern.compile("class=\"tick\" text-anchor=\"end\">([^<]*)<").matcher(svg);
    while (m.find()) {
      ticks.add(m.group(1));
    }
    assertThat(ticks).containsExactly("0", "2", "4", "6", "8");
  }

  @Test
  void alertsRestoredInWindowAndTheRunsVersionAndConfigAreShown() throws Exception {
    Path out = tmp.resolve("outputs");
    write(out, "metrics", String.join("\n",
        "{\"region\":\"Wuzhong\",\"period\":\"week\",\"periodStart\":\"2026-10-12\",\"outages\":40,"
            + "\"outagesChangePct\":3900.0,\"restoredInWindowPct\":46.49}",
        "{\"region\":\"*\",\"period\":\"week\",\"periodStart\":\"2026-10-12\",\"outages\":137,"
            + "\"restoredInWindowPct\":51.2}"));
    String zone = "+08:00";
    write(out, "alerts", String.join("\n",
        "{\"alertId\":\"MASS_OUTAGE/Wuzhong/2026-10-14T17:50:28" + zone + "\",\"type\":\"MASS_OUTAGE\","
            + "\"status\":\"firing\",\"region\":\"Wuzhong\",\"at\":\"2026-10-14T17:50:28" + zone + "\","
            + "\"summary\":\"Wuzhong: 10 outages open at once\"}",
        "{\"alertId\":\"MASS_OUTAGE/Wuzhong/2026-10-14T17:50:28" + zone + "\",\"type\":\"MASS_OUTAGE\","
            + "\"status\":\"resolved\",\"region\":\"Wuzhong\",\"at\":\"2026-10-14T19:13:11" + zone + "\","
            + "\"durationMinutes\":82.72,\"summary\":\"resolved\"}",
        "{\"alertId\":\"GOLDEN_WINDOW_BREACHED/O/A-1\",\"type\":\"GOLDEN_WINDOW_BREACHED\",\"status\":\"firing\","
            + "\"region\":\"Wuzhong\",\"at\":\"2026-10-13T04:01:40" + zone + "\",\"summary\":\"s\"}",
        "{\"alertId\":\"GOLDEN_WINDOW_BREACHED/O/A-2\",\"type\":\"GOLDEN_WINDOW_BREACHED\",\"status\":\"firing\","
            + "\"region\":\"Guyuan\",\"at\":\"2026-10-13T05:01:40" + zone + "\",\"summary\":\"s\"}",
        "{\"alertId\":\"INCIDENT/I-1\",\"type\":\"INCIDENT\",\"status\":\"firing\",\"region\":\"Guyuan\","
            + "\"at\":\"2026-10-13T06:00:00" + zone + "\",\"summary\":\"fibre cut: 4 outages\"}",
        // before the period: not counted
        "{\"alertId\":\"GOLDEN_WINDOW_BREACHED/O/A-0\",\"type\":\"GOLDEN_WINDOW_BREACHED\",\"status\":\"firing\","
            + "\"region\":\"Guyuan\",\"at\":\"2026-10-01T05:01:40" + zone + "\",\"summary\":\"s\"}"));
    Files.writeString(out.resolve("run-summary.json"), "{\"version\":\"9.8.7-test\",\"configFile\":"
        + "\"/etc/faultlink/noc.yaml\",\"configSha256\":\"0123456789abcdef0123\",\"endedAt\":"
        + "\"2026-12-07T21:00:00.5+08:00\"}");
    Path html = tmp.resolve("alerts.html");
    assertThat(Report.run(new String[] {out.toString(), "--from", "2026-10-12", "--to", "2026-10-18", "--out",
        html.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
    String page = Files.readString(html);

    String restored = page.substring(page.indexOf("<section id=\"restored\">"));
    restored = restored.substring(0, restored.indexOf("</section>"));
    assertThat(restored).contains("Wuzhong 吴忠").contains("46.49 %").contains("51.2 %").contains("W42 (10-12)");

    String alerts = page.substring(page.indexOf("<section id=\"alerts\">"));
    alerts = alerts.substring(0, alerts.indexOf("</section>"));
    assertThat(alerts).contains("Breached / 超时").contains("Mass outage / 批量退服").contains("Incident / 故障事件")
        .doesNotContain("At risk / 预警").doesNotContain("Complaint burst / 投诉突增");
    // the all-cities row: 2 breaches in the period (not the one of 10-01), 1 mass outage, 1 incident
    String totals = alerts.substring(alerts.indexOf("<tr class=\"total\">"));
    assertThat(totals).contains("<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td>");
    assertThat(alerts).contains("Wuzhong: 10 outages open at once").contains(">1.4 h<") // 82.72 min
        .contains("fibre cut: 4 outages").contains("open / 未恢复");

    assertThat(page).contains("weekly").contains("+39 (from / 上期 1)");
    String footer = page.substring(page.indexOf("<footer>"));
    assertThat(footer).contains("FaultLink 9.8.7-test").contains("/etc/faultlink/noc.yaml")
        .contains("0123456789ab").doesNotContain("0123456789abc");
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

    // The whole page: a window taller than the page, then cut below the last row with ink. The page must end
    // well before the window does (else the screenshot would not be the full height).
    Path tall = tmp.resolve("tall.png");
    run(List.of(chromium, "--screenshot=" + tall, "--window-size=1280," + TALL, "--hide-scrollbars",
        html.toUri().toString()));
    BufferedImage whole = ImageIO.read(tall.toFile());
    assertThat(whole.getHeight()).isEqualTo(TALL);
    int last = lastInkRow(whole);
    assertThat(last).as("the page's last row with ink").isBetween(2000, TALL - 200);
    BufferedImage image = whole.getSubimage(0, 0, whole.getWidth(), Math.min(TALL, last + 24));
    Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    ImageIO.write(image, "png", png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
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

  /** Taller than the report of the generated set (about 7 000 px at 1280 wide). */
  private static final int TALL = 16_000;

  private static int lastInkRow(BufferedImage image) {
    for (int y = image.getHeight() - 1; y >= 0; y--) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          return y;
        }
      }
    }
    return -1;
  }

  @Test
  void chineseTextIsDrawnInACjkFontNotAsBoxes() throws Exception {
    String chromium = chromium();
    Assumptions.assumeTrue(chromium != null,
        "SKIPPED: Chromium is not installed (apt-get install -y chromium; .ci/run installs it)");
    // Five labels of the report, in its own CSS, 80 px each: the ink's bounding box cut in five cells, one glyph
    // each. Missing glyphs are drawn as the same box ("tofu"), so five different glyphs must give five different
    // cells, each with ink. (A small window crops headless Chromium's page: hence the room around the text.)
    String text = "黄金时间窗";
    Path page = tmp.resolve("cjk.html");
    Files.writeString(page, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>"
        + HtmlReport.CSS + "body{margin:0;padding:0;max-width:none}div{font-size:80px;line-height:100px;"
        + "letter-spacing:0;white-space:nowrap;padding:100px 40px}</style></head><body><div>" + text
        + "</div></body></html>");
    Path png = tmp.resolve("cjk.png");
    run(List.of(chromium, "--screenshot=" + png, "--window-size=600,400", "--hide-scrollbars",
        page.toUri().toString()));
    BufferedImage image = ImageIO.read(png.toFile());
    int x0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y0 = Integer.MAX_VALUE;
    int y1 = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFF) < 128) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    assertThat(x1).as("ink on the page").isGreaterThan(x0);
    double cell = (x1 - x0 + 1) / (double) text.length();
    assertThat(cell).as("glyph width, px").isBetween(60.0, 100.0);
    Set<String> cells = new HashSet<>();
    for (int i = 0; i < text.length(); i++) {
      StringBuilder bits = new StringBuilder();
      long ink = 0;
      for (int y = y0; y <= y1; y++) {
        for (int x = (int) (x0 + i * cell); x < (int) (x0 + (i + 1) * cell); x++) {
          boolean dark = (image.getRGB(x, y) & 0xFF) < 128;
          bits.append(dark ? '1' : '0');
          ink += dark ? 1 : 0;
        }
      }
      assertThat(ink).as("ink in the cell of %s", text.charAt(i)).isGreaterThan(200);
      cells.add(bits.toString().substring(0, Math.min(bits.length(), 60 * (y1 - y0))));
    }
    assertThat(cells).as("distinct glyphs (boxes would be all alike)").hasSize(text.length());
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
