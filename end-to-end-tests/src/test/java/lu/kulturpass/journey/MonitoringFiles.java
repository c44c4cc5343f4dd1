package lu.kulturpass.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * deploy/monitoring as Prometheus and Grafana read it: the alert rules' and the dashboard's PromQL expressions, and the
 * metric names they use.
 */
final class MonitoringFiles {

    /** Made by Prometheus itself for every target, never at a service's /q/metrics. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private MonitoringFiles() {
    }

    static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy").resolve("monitoring");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/monitoring above " + Path.of("").toAbsolutePath());
    }

    static List<Path> files(String folder, String extension) {
        try (Stream<Path> files = Files.list(directory().resolve(folder))) {
            return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alert rules (name and whole rule) of every rule file in deploy/monitoring/prometheus. */
    static List<JsonNode> alertRules() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> rules = new ArrayList<>();
        for (Path file : files("prometheus", "-alerts.yaml")) {
            try {
                yaml.readTree(file.toFile()).path("groups").forEach(group -> group.path("rules").forEach(rules::add));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rules;
    }

    /** Every PromQL expression of the alert rules and of the Grafana dashboards. */
    static List<String> expressions() {
        List<String> expressions = new ArrayList<>(alertRules().stream().map(rule -> rule.path("expr").asText()).toList());
        ObjectMapper json = new ObjectMapper();
        for (Path file : files("grafana", ".json")) {
            try {
                json.readTree(file.toFile()).findValues("expr").forEach(expr -> expressions.add(expr.asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expressions;
    }

    /** The metric names an expression reads: not its functions, keywords, label names and values, or durations. */
    static Set<String> metricNames(String expression) {
        String bare = STRING.matcher(expression).replaceAll("\"\"");
        bare = MATCHERS_AND_RANGES.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean function = identifier.group(2) != null;
            String name = identifier.group(1);
            if (!function && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every metric name the alerts and dashboards use. */
    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        expressions().forEach(expression -> names.addAll(metricNames(expression)));
        return names;
    }
}
