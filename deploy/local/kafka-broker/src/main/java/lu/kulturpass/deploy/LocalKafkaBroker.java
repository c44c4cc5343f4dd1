package lu.kulturpass.deploy;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka KRaft broker for the local stack, from Kafka's own jars (no Docker): it keeps
 * its data and cluster id in a directory, so topics survive a restart of the stack.
 * <pre>java -cp 'target/lib/*:target/local-kafka-broker.jar' lu.kulturpass.deploy.LocalKafkaBroker 9092 data-dir</pre>
 */
public final class LocalKafkaBroker {

    private LocalKafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : port + 1;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "kafka-data").toAbsolutePath();
        Files.createDirectories(dataDir);
        String clusterId = clusterId(dataDir);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaHost("localhost")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(properties -> {
                    properties.put("log.dir", dataDir.resolve("logs").toString());
                    properties.put("num.partitions", "3");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    properties.put("auto.create.topics.enable", "true");
                })
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-stop"));
        System.out.println("Kafka broker ready on localhost:" + port + " (cluster " + clusterId + ", data in " + dataDir + ")");
        stopped.await();
    }

    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster-id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }
}
