package lu.kulturpass.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.events.AccountChange;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service writes and reads, if they are missing, when it starts: consumers then
 * see the first event at once instead of after a metadata refresh, and the topics that hold the latest
 * state per key (the signing keys, later the partners) are compacted. Declared in
 * {@code kulturpass.kafka.topics} as {@code name} or {@code name:compact}, and those settings are set on a declared
 * topic that exists with others; {@code kulturpass.accounts}, which every
 * service writes (staff account changes), is always declared. A topic that is not compacted keeps its events
 * {@link #EVENT_RETENTION}. A broker that is down
 * at start does not stop the service: readiness reports Kafka, and topics are then auto-created.
 */
@ApplicationScoped
public class TopicDeclarations {

    private static final Logger LOG = Logger.getLogger(TopicDeclarations.class);

    /**
     * How long a topic that is not compacted keeps its events: the statistics are rebuilt from them
     * ({@code POST /statistics/rebuild}, replaying from the start), for the programme's retention period of 3 years
     * (docs/privacy.md), a leap day included. The Kubernetes KafkaTopics say the same (deploy/kubernetes, checked).
     */
    public static final Duration EVENT_RETENTION = Duration.ofDays(3 * 365 + 1);

    private final KafkaClientSettings kafka;
    private final List<String> declarations;
    private final int partitions;
    private final short replicationFactor;

    public TopicDeclarations(KafkaClientSettings kafka, TopicsConfig config) {
        this.kafka = kafka;
        List<String> declarations = config.topics();
        this.declarations = new ArrayList<>(declarations);
        // every service records the changes of staff accounts it makes (lu.kulturpass.platform.account)
        if (declarations.stream().noneMatch(declared -> declared.strip().startsWith(AccountChange.TOPIC))) {
            this.declarations.add(AccountChange.TOPIC);
        }
        this.partitions = config.partitions();
        this.replicationFactor = config.replicationFactor();
    }

    void onStart(@Observes StartupEvent started) {
        try (AdminClient admin = AdminClient.create(kafka.with(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)))) {
            Map<String, Map<String, String>> declared = declared();
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = declared.entrySet().stream().filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), partitions, replicationFactor).configs(topic.getValue())).toList();
            List<String> created = new ArrayList<>();
            for (var topic : admin.createTopics(missing).values().entrySet()) {
                try {
                    topic.getValue().get(10, TimeUnit.SECONDS);
                    created.add(topic.getKey());
                } catch (ExecutionException failed) {
                    // another replica, or another service declaring the same topic, created it since the list was read
                    if (!(failed.getCause() instanceof TopicExistsException)) {
                        throw failed;
                    }
                }
            }
            if (!created.isEmpty()) {
                LOG.infof("Created Kafka topics %s", created);
            }
            conform(admin, declared, existing);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Could not check the Kafka topics at start (%s); they will be created on first use", e.toString());
        }
    }

    /** Each declared topic's settings: compacted, or keeping its events {@link #EVENT_RETENTION}. */
    private Map<String, Map<String, String>> declared() {
        Map<String, Map<String, String>> declared = new LinkedHashMap<>();
        for (String declaration : declarations) {
            String[] parts = declaration.strip().split(":");
            declared.put(parts[0], parts.length > 1 && "compact".equals(parts[1])
                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                    : Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(EVENT_RETENTION.toMillis())));
        }
        return declared;
    }

    /**
     * Sets the declared settings on topics that exist with others: a consumer that subscribed first may have had the
     * broker create its topic with the broker's defaults. Where the topics are managed elsewhere (Strimzi's KafkaTopics
     * say the same, checked by deploy/kubernetes's tests) nothing differs and nothing is changed.
     */
    private void conform(AdminClient admin, Map<String, Map<String, String>> declared, Set<String> existing) throws Exception {
        List<ConfigResource> present = declared.keySet().stream().filter(existing::contains)
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        if (present.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        admin.describeConfigs(present).all().get(10, TimeUnit.SECONDS).forEach((topic, config) ->
                declared.get(topic.name()).forEach((key, value) -> {
                    ConfigEntry entry = config.get(key);
                    if (entry == null || !value.equals(entry.value())) {
                        changes.computeIfAbsent(topic, t -> new ArrayList<>())
                                .add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                    }
                }));
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(10, TimeUnit.SECONDS);
            LOG.infof("Set the declared settings of Kafka topics %s", changes.keySet().stream().map(ConfigResource::name).toList());
        }
    }
}
