package lu.kulturpass.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.platform.kafka.KafkaClientSettings;
import lu.kulturpass.platform.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The topics pass-service creates at start, through the same client settings its channels use. */
@QuarkusTest
class TopicsTest {

    @Inject
    KafkaClientSettings kafka;

    @Test
    void anEventTopicKeepsItsEventsForTheRetentionPeriodAndAStateTopicIsCompacted() throws Exception {
        try (AdminClient admin = AdminClient.create(kafka.with(Map.of()))) {
            ConfigResource admissions = new ConfigResource(ConfigResource.Type.TOPIC, "kulturpass.admissions");
            ConfigResource keys = new ConfigResource(ConfigResource.Type.TOPIC, "kulturpass.signing-keys");
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(admissions, keys)).all().get(10, TimeUnit.SECONDS);
            assertEquals(String.valueOf(TopicDeclarations.EVENT_RETENTION.toMillis()),
                    configs.get(admissions).get(TopicConfig.RETENTION_MS_CONFIG).value(), "kulturpass.admissions retention.ms");
            assertEquals(TopicConfig.CLEANUP_POLICY_COMPACT, configs.get(keys).get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }
    }
}
