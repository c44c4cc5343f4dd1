package lu.kulturpass.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of the Kafka clients a service builds itself (the topic declarations' admin client, the dead-letter
 * replay, the statistics rebuild): every {@code kafka.*} setting the service's channels use, as Quarkus gathers them
 * (from application.properties and from {@code KAFKA_*} environment variables), so that these clients reach the same
 * broker the same way, security included (TLS, SASL credentials of a Strimzi {@code KafkaUser}: docs/kubernetes.md).
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> broker;

    @Inject
    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = Map.copyOf(broker);
    }

    /** The broker's settings with this client's own on top. */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(broker);
        settings.putAll(own);
        return settings;
    }
}
