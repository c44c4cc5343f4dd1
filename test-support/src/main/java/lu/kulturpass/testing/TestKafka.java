package lu.kulturpass.testing;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Utils;

/**
 * One real Kafka KRaft broker per test JVM, in process, on a fixed loopback port and a log directory
 * that survives {@link #stop()}, so a test can take the broker away and bring it back with its data.
 * The directory is deleted when the JVM ends (a scan benchmark leaves about 700 MB there).
 */
public final class TestKafka {

    private static TestKafka instance;

    private final int port;
    private final String clusterId = Uuid.randomUuid().toString();
    private final Path logDir;
    private EmbeddedKafkaBroker broker;

    private TestKafka() {
        this.port = freePort();
        try {
            this.logDir = Files.createTempDirectory("kulturpass-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndDeleteLogs, "test-kafka-stop"));
    }

    public static synchronized TestKafka get() {
        if (instance == null) {
            instance = new TestKafka();
            instance.start();
        }
        return instance;
    }

    /**
     * A broker of its own, started (stopped when the JVM ends): for services kept running beside other tests' services of
     * the same consumer groups, which on the JVM's broker would share out each topic's partitions between them.
     */
    public static TestKafka separate() {
        TestKafka kafka = new TestKafka();
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized void start() {
        if (broker != null && broker.isRunning()) {
            return;
        }
        broker = new EmbeddedKafkaBroker()
                .withKafkaPort(port)
                .withKafkaHost("localhost")
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(properties -> {
                    properties.put("log.dir", logDir.toString());
                    properties.put("num.partitions", "3");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
    }

    /** Takes the broker away (as a crash or network cut would); {@link #start()} brings it back. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private synchronized void stopAndDeleteLogs() {
        stop();
        try {
            Utils.delete(logDir.toFile());
        } catch (IOException leftBehind) {
            System.err.println("Could not delete the test broker's log directory " + logDir + ": " + leftBehind);
        }
    }

    /** A port free on loopback now (a service, broker or load balancer of a test or harness listens on it next). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
