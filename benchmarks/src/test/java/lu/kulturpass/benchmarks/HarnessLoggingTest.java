package lu.kulturpass.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Checked in a JVM of its own started as the benchmarks are ({@code java -cp ... Main}): the test JVM's logging is set
 * up by the test runner and does not show what a benchmark's JVM does.
 */
class HarnessLoggingTest {

    /** What a benchmark's JVM would log: the broker's debug records, Kafka's INFO and warnings, the harness's INFO. */
    public static final class Probe {
        public static void main(String[] args) {
            if (args.length > 0 && args[0].equals("configured")) {
                HarnessLogging.configure();
            }
            System.out.println("broker-debug=" + LoggerFactory.getLogger("kafka.request.logger").isDebugEnabled()
                    + " kafka-info=" + LoggerFactory.getLogger("org.apache.kafka.storage.internals.log.UnifiedLog").isInfoEnabled()
                    + " kafka-warn=" + LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").isWarnEnabled()
                    + " harness-info=" + LoggerFactory.getLogger("lu.kulturpass.benchmarks.scan.ScanThroughput").isInfoEnabled()
                    + " harness-debug=" + LoggerFactory.getLogger("lu.kulturpass.benchmarks.scan.ScanThroughput").isDebugEnabled());
        }
    }

    @Test
    void aBenchmarksJvmBuildsEveryDebugRecordOfTheBrokerUnlessItsLoggingIsConfigured() throws Exception {
        assertEquals("broker-debug=true kafka-info=true kafka-warn=true harness-info=true harness-debug=true", probe(""));
    }

    @Test
    void configuredTheBrokersDebugRecordsAndKafkasInfoAreLeftOutWhileWarningsAndTheHarnesssInfoAreShown() throws Exception {
        assertEquals("broker-debug=false kafka-info=false kafka-warn=true harness-info=true harness-debug=false", probe("configured"));
    }

    private static String probe(String how) throws Exception {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), how).redirectErrorStream(true).start();
        String said = new String(java.getInputStream().readAllBytes()).strip();
        if (!java.waitFor(60, TimeUnit.SECONDS)) {
            java.destroyForcibly();
        }
        return said.lines().filter(line -> line.startsWith("broker-debug=")).findFirst().orElse(said);
    }
}
