package lu.kulturpass.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    private final KafkaClientSettings settings = new KafkaClientSettings(Map.of(
            "bootstrap.servers", "kulturpass-kafka-bootstrap:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "enable.auto.commit", "true"));

    @Test
    void aClientTheServiceBuildsSignsInToTheBrokerAsItsChannelsDo() {
        Map<String, Object> client = settings.with(Map.of("key.deserializer", "x"));
        assertEquals("kulturpass-kafka-bootstrap:9093", client.get("bootstrap.servers"));
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
        assertEquals("x", client.get("key.deserializer"));
    }

    @Test
    void theClientsOwnSettingsWinOverTheBrokers() {
        assertEquals("false", settings.with(Map.of("enable.auto.commit", "false")).get("enable.auto.commit"));
    }
}
