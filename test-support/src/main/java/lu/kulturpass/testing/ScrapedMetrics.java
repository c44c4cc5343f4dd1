package lu.kulturpass.testing;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's {@code /q/metrics} as Prometheus scrapes it (text exposition format): each sample's name and labels, and
 * its value.
 */
public final class ScrapedMetrics {

    /** A sample: its metric name and its labels as written ({@code reason="VALID",...}; empty for none). */
    public record Sample(String name, String labels) {
    }

    private final Map<Sample, Double> samples;

    private ScrapedMetrics(Map<Sample, Double> samples) {
        this.samples = samples;
    }

    /** The metrics of the service under test (RestAssured's default address: the {@code @QuarkusTest} application). */
    public static ScrapedMetrics now() {
        return parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The metrics of a service at an address (e.g. a packaged service's). */
    public static ScrapedMetrics of(String serviceUrl) {
        return parse(given().when().get(serviceUrl + "/q/metrics").then().statusCode(200).extract().asString());
    }

    static ScrapedMetrics parse(String exposition) {
        Map<Sample, Double> samples = new LinkedHashMap<>();
        for (String written : exposition.split("\n")) {
            if (written.isBlank() || written.startsWith("#")) {
                continue;
            }
            int exemplar = written.indexOf(" # "); // a sample's exemplar (a trace id), when tracing is on
            String line = exemplar >= 0 ? written.substring(0, exemplar) : written;
            int braces = line.indexOf('{');
            int end = braces >= 0 ? line.lastIndexOf('}') : line.indexOf(' ');
            String name = line.substring(0, braces >= 0 ? braces : end);
            String labels = braces >= 0 ? line.substring(braces + 1, end) : "";
            String value = line.substring(end + 1).strip().split(" ")[0];
            samples.put(new Sample(name, labels), Double.parseDouble(value.replace("Inf", "Infinity")));
        }
        return new ScrapedMetrics(samples);
    }

    /** The names of every sample (a histogram's {@code _bucket}, {@code _count} and {@code _sum} each). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.keySet().forEach(sample -> names.add(sample.name()));
        return names;
    }

    /**
     * The sum of the samples of that name carrying every one of these labels (e.g. {@code reason="VALID"}); NaN when
     * there is no such sample.
     */
    public double value(String name, String... labels) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().name().equals(name))
                .filter(sample -> java.util.Arrays.stream(labels).allMatch(label -> sample.getKey().labels().contains(label)))
                .mapToDouble(Map.Entry::getValue).reduce(Double::sum).orElse(Double.NaN);
    }
}
