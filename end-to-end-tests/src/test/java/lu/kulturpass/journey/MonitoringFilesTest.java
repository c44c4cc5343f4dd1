package lu.kulturpass.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring's alert rules and dashboard are readable and point to their runbook; that every metric they use
 * exists at some service's /q/metrics is checked against the running services, in {@link FirstJourneyIT}.
 */
class MonitoringFilesTest {

    @Test
    void theMetricNamesOfAnExpressionLeaveOutItsFunctionsLabelsDurationsAndKeywords() {
        assertEquals(Set.of("http_server_requests_seconds_count"), MonitoringFiles.metricNames(
                "sum by (job) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                        + " / sum by (job) (rate(http_server_requests_seconds_count[5m])) > 0.05"));
        assertEquals(Set.of("kulturpass_scan_duration_seconds_bucket"), MonitoringFiles.metricNames(
                "histogram_quantile(0.95, sum by (le) (rate(kulturpass_scan_duration_seconds_bucket[5m]))) > 1"));
        assertEquals(Set.of("up", "kulturpass_outbox_unsent"), MonitoringFiles.metricNames(
                "up{job=\"pass-service\"} == 0 and on (instance) kulturpass_outbox_unsent offset 5m > 1e3"));
    }

    @Test
    void everyAlertSaysWhatHappenedAndPointsToItsRunbookInTheDocs() throws IOException {
        List<JsonNode> rules = MonitoringFiles.alertRules();
        assertFalse(rules.isEmpty(), "no alert rules in " + MonitoringFiles.directory());
        String docs = Files.readString(MonitoringFiles.directory().resolve("../../docs/observability.md").normalize());
        for (JsonNode rule : rules) {
            String alert = rule.path("alert").asText();
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), alert + " has no summary");
            assertEquals("docs/observability.md#" + alert.toLowerCase(Locale.ROOT), rule.path("annotations").path("runbook").asText(),
                    alert);
            assertTrue(docs.contains("\n### " + alert + "\n"), "docs/observability.md has no section ### " + alert);
        }
        assertFalse(MonitoringFiles.metricNames().isEmpty());
    }

    /** Prometheus's own check of the rule syntax, where its promtool is installed (Debian: apt-get install prometheus). */
    @Test
    void prometheusReadsTheRulesAndTheConfiguration() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
        Path prometheus = MonitoringFiles.directory().resolve("prometheus");
        for (List<String> check : List.of(
                List.of(promtool.toString(), "check", "rules", prometheus.resolve("kulturpass-alerts.yaml").toString()),
                List.of(promtool.toString(), "check", "config", prometheus.resolve("prometheus.yml").toString()))) {
            Process run = new ProcessBuilder(check).redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes());
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
            assertEquals(0, run.exitValue(), output);
        }
    }
}
