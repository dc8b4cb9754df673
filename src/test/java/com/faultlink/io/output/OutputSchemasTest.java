package com.faultlink.io.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schemas in docs/schemas/ and their checker: the documented examples pass, made-up faults are found. The
 * sample run's outputs are checked against them in SampleDataRunTest (one run of the sample for both checks).
 */
class OutputSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OutputSchemas schemas = new OutputSchemas(OutputSchemas.SCHEMAS);
  @TempDir Path out;

  private static void write(Path dir, String stream, String... lines) throws IOException {
    Files.createDirectories(dir.resolve(stream));
    Files.writeString(dir.resolve(stream).resolve("part-0.jsonl"), String.join("\n", lines) + "\n");
  }

  @Test
  void everyStreamOfTheFileOutputsHasASchema() {
    for (String stream : Stream.concat(com.faultlink.config.SinksConfig.STREAMS.stream(),
        Stream.of("golden-window-table", "run-summary")).toList()) {
      assertThat(OutputSchemas.schemaFile(OutputSchemas.SCHEMAS, stream)).as(stream).isRegularFile();
    }
  }

  @Test
  void theExamplesInTheOutputsPagePassTheirSchemas() throws IOException {
    // docs/outputs.md: each "## `stream`" section's ```json block holds example records of that stream; a block
    // opened as ```json <other-stream> holds another stream's records (an incident's pages in alerts).
    List<String> page = Files.readAllLines(Path.of("docs", "outputs.md"));
    String section = null;
    String stream = null;
    boolean inJson = false;
    int examples = 0;
    for (String line : page) {
      if (line.startsWith("## `")) {
        section = line.substring(4, line.indexOf('`', 4));
      } else if (line.startsWith("## ")) {
        section = null;
      } else if (line.equals("```json")) {
        inJson = true;
        stream = section;
      } else if (line.startsWith("```json ")) {
        inJson = true;
        stream = line.substring("```json ".length()).trim();
      } else if (line.equals("```")) {
        inJson = false;
      } else if (inJson && stream != null && line.startsWith("{")) {
        assertThat(schemas.check(stream, JSON.readTree(line))).as(stream + ": " + line).isEmpty();
        examples++;
      }
    }
    assertThat(examples).as("examples found in docs/outputs.md").isGreaterThanOrEqualTo(10);
  }

  @Test
  void aStreamFolderWithoutASchemaIsAProblem() throws IOException {
    write(out, "attributions", "{\"complaintId\":\"TT-1\",\"outageId\":null,\"region\":\"R\",\"cellId\":null,"
        + "\"matchLevel\":\"none\",\"lagMinutes\":null,\"complaintTime\":\"2026-10-05T04:44:53+08:00\","
        + "\"category\":\"voice\",\"planned\":false,\"workId\":null,\"late\":false,\"channel\":\"app\",\"severity\":null}");
    write(out, "no-such-stream", "{\"region\":\"R\"}");
    Files.createDirectories(out.resolve("_work-in-progress"));
    assertThat(schemas.problems(out)).singleElement().asString().startsWith("no-such-stream: no schema");
  }

  @Test
  void aRecordMissingAFieldOrWithAnUnknownValueIsAProblem() throws IOException {
    write(out, "outage-impacts",
        // no endReason, which the contract requires written (null where none)
        "{\"outageId\":\"O/A-1\",\"cellId\":\"C\",\"region\":\"R\",\"technology\":\"4G\","
            + "\"start\":\"2026-10-05T07:52:36+08:00\",\"end\":null,\"durationMinutes\":1.5,\"complaints\":0,"
            + "\"firstComplaintLagMinutes\":null,\"planned\":false,\"workId\":null,\"incidentId\":null}",
        // a UTC instant without its offset's form, and a matchLevel the contract does not know
        "{\"outageId\":\"O/A-2\",\"cellId\":\"C\",\"region\":\"R\",\"technology\":\"4G\","
            + "\"start\":\"2026-10-05 07:52\",\"end\":null,\"endReason\":\"gone\",\"durationMinutes\":1.5,"
            + "\"complaints\":0,\"firstComplaintLagMinutes\":null,\"planned\":false,\"workId\":null,"
            + "\"incidentId\":null}");
    List<String> problems = schemas.problems(out);
    assertThat(problems).anySatisfy(p -> assertThat(p).contains(":1:").contains("endReason"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains(":2:").contains("start"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains(":2:").contains("endReason"));
  }

  @Test
  void anAlertOfAKnownTypeNeedsItsTypesFieldsAndNoOthers() {
    String head = "{\"alertId\":\"MASS_OUTAGE/R/2026-10-14T17:50:28+08:00\",\"type\":\"MASS_OUTAGE\","
        + "\"status\":\"firing\",\"severity\":\"critical\",\"summary\":\"R: 10 outages open at once\",\"region\":\"R\","
        + "\"at\":\"2026-10-14T17:50:28+08:00\",\"incidentId\":null,\"firedAt\":\"2026-10-14T17:50:28+08:00\","
        + "\"resolvedAt\":null,\"durationMinutes\":null,\"planned\":false,\"workId\":null";
    assertThat(schemas.check("alerts", tree(head + ",\"outagesOpen\":10,\"explainingOutages\":[\"O/A-1\"],\"incidents\":[]}")))
        .isEmpty();
    assertThat(schemas.check("alerts", tree(head + ",\"explainingOutages\":[\"O/A-1\"],\"incidents\":[]}")))
        .anySatisfy(p -> assertThat(p).contains("outagesOpen"));
    assertThat(schemas.check("alerts", tree(head + ",\"outagesOpen\":10,\"explainingOutages\":[],\"incidents\":[],\"count\":3}")))
        .anySatisfy(p -> assertThat(p).contains("count"));
  }

  @Test
  void aKpiMissNeedsItsTargetAndAHotspotSiteHasNoTechnology() {
    String kpi = "{\"alertId\":\"KPI_MISSED/R/restoredInWindowPct/week/2026-10-05T00:00:00+08:00\",\"type\":\"KPI_MISSED\","
        + "\"status\":\"firing\",\"severity\":\"warning\",\"summary\":\"R: missed\",\"region\":\"R\","
        + "\"at\":\"2026-10-12T00:00:00+08:00\",\"incidentId\":null,\"firedAt\":\"2026-10-12T00:00:00+08:00\","
        + "\"resolvedAt\":null,\"durationMinutes\":null,\"period\":\"week\",\"periodStart\":\"2026-10-05\","
        + "\"metric\":\"restoredInWindowPct\",\"planned\":false,\"workId\":null";
    assertThat(schemas.check("alerts", tree(kpi + ",\"op\":\"min\",\"target\":90.0,\"value\":89.47}"))).isEmpty();
    // no target, and an op that is neither max nor min
    assertThat(schemas.check("alerts", tree(kpi + ",\"op\":\"below\",\"value\":89.47}")))
        .anySatisfy(p -> assertThat(p).contains("target"))
        .anySatisfy(p -> assertThat(p).contains("op"));
    String site = "{\"region\":\"R\",\"weekStart\":\"2026-10-05\",\"level\":\"site\",\"id\":\"S\",\"siteId\":\"S\","
        + "\"rank\":1,\"complaints\":13,\"cells\":5,\"technology\":";
    assertThat(schemas.check("hotspots", tree(site + "null}"))).isEmpty();
    assertThat(schemas.check("hotspots", tree(site + "\"4G\"}"))).anySatisfy(p -> assertThat(p).contains("technology"));
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
