package lu.kulturpass.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lu.kulturpass.platform.account.AccountChange;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service writes and reads, if they are missing, when it starts: consumers then
 * see the first event at once instead of after a metadata refresh, and the topics that hold the latest
 * state per key (the signing keys, later the partners) are compacted. Declared in
 * {@code kulturpass.kafka.topics} as {@code name} or {@code name:compact}; {@code kulturpass.accounts}, which every
 * service writes (staff account changes), is always declared. A broker that is down
 * at start does not stop the service: readiness reports Kafka, and topics are then auto-created.
 */
@ApplicationScoped
public class TopicDeclarations {

    private static final Logger LOG = Logger.getLogger(TopicDeclarations.class);

    private final String bootstrapServers;
    private final List<String> declarations;
    private final int partitions;
    private final short replicationFactor;

    public TopicDeclarations(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             @ConfigProperty(name = "kulturpass.kafka.topics") List<String> declarations,
                             @ConfigProperty(name = "kulturpass.kafka.partitions", defaultValue = "3") int partitions,
                             @ConfigProperty(name = "kulturpass.kafka.replication-factor", defaultValue = "1") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.declarations = new ArrayList<>(declarations);
        // every service records the changes of staff accounts it makes (lu.kulturpass.platform.account)
        if (declarations.stream().noneMatch(declared -> declared.strip().startsWith(AccountChange.TOPIC))) {
            this.declarations.add(AccountChange.TOPIC);
        }
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    void onStart(@Observes StartupEvent started) {
        try (AdminClient admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String declaration : declarations) {
                String[] parts = declaration.strip().split(":");
                if (existing.contains(parts[0])) {
                    continue;
                }
                NewTopic topic = new NewTopic(parts[0], partitions, replicationFactor);
                if (parts.length > 1 && "compact".equals(parts[1])) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                missing.add(topic);
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("Created Kafka topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Could not check the Kafka topics at start (%s); they will be created on first use", e.toString());
        }
    }
}
