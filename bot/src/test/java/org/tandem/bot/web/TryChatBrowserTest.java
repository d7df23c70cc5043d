package org.tandem.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tandem.bot.support.BotTest;

/**
 * The try-it chat in a real headless browser (Debian's Chromium driven by playwright-core from
 * {@code src/test/e2e}) against the running app: find missions near Esch-sur-Alzette, commit, log
 * hours, see "my year", in English and in French; start an empty company and walk its setup
 * checklist to a first report. Screenshots land in {@code target/}. {@code .ci/run} installs
 * Chromium and the Node module; on CI their absence fails the test.
 */
@BotTest
class TryChatBrowserTest {

  @LocalServerPort int port;

  @Test
  void discoverCommitLogHoursAndSeeMyYearInEnglishAndFrench() throws Exception {
    Path e2e = Path.of("src/test/e2e").toAbsolutePath();
    boolean ready =
        Files.isExecutable(
                Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
            && Files.isDirectory(e2e.resolve("node_modules/playwright-core"));
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(
          ready, "Chromium or playwright-core missing: run .ci/run, or see the README");
    }
    assertThat(ready).as("Chromium and src/test/e2e/node_modules, installed by .ci/run").isTrue();

    Path target = Path.of("target").toAbsolutePath();
    Files.createDirectories(target);
    Path log = target.resolve("try-chat-e2e.log");
    Process node =
        new ProcessBuilder(
                "node",
                e2e.resolve("try-chat.mjs").toString(),
                "http://localhost:" + port + "/",
                target.toString())
            .directory(e2e.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = node.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly();
    }
    String output = read(log);
    assertThat(finished).as("browser run finished in time:\n" + output).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("david.reuter (en): proposed, committed, logged")
        .contains("nathalie.kieffer (fr): proposed, committed, logged")
        .contains("profile form: error shown on the place field")
        .contains("420 px: no horizontal overflow, conversation full width")
        .contains("report: XLSX downloaded")
        .contains("empty company: checklist, policy, directory skipped, announcement")
        .contains("empty company: association and mission in their forms, 5 of 5 steps done")
        .contains("empty company: first report");
    assertThat(target.resolve("try-chat.png")).exists();
    // The workbook the page offered, read back: figures are numeric cells, not text.
    var sheet =
        org.tandem.bot.support.Workbooks.rows(
            Files.readAllBytes(target.resolve("try-chat-report.xlsx")));
    assertThat(sheet).containsKeys("Group (site)", "Total");
    assertThat(sheet.get("Total").subList(0, 2))
        .allSatisfy(c -> assertThat(c).isInstanceOf(java.math.BigDecimal.class));
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
