package lu.kulturpass.deploy.kubernetes;

import static lu.kulturpass.deploy.kubernetes.Resources.at;
import static lu.kulturpass.deploy.kubernetes.Resources.find;
import static lu.kulturpass.deploy.kubernetes.Resources.list;
import static lu.kulturpass.deploy.kubernetes.Resources.map;
import static lu.kulturpass.deploy.kubernetes.Resources.maps;
import static lu.kulturpass.deploy.kubernetes.Resources.name;
import static lu.kulturpass.deploy.kubernetes.Resources.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import lu.kulturpass.platform.kafka.TopicDeclarations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The KafkaTopics and KafkaUsers say what the code says (CodeDeclarations): one source, the code; the manifests are
 * checked against it rather than generated from it.
 */
class KafkaAgreesWithTheCodeTest {

    private final CodeDeclarations code = Installations.code();

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/large"})
    void everyTopicTheCodeUsesIsAKafkaTopicAsDeclared(String overlay) {
        List<Map<String, Object>> resources = Installations.render(overlay);
        Map<String, Boolean> expected = new TreeMap<>();
        for (String service : CodeDeclarations.SERVICES) {
            code.declaredTopics(service).forEach((topic, compact) -> expected.merge(topic, compact, Boolean::logicalOr));
            code.deadLetterTopics(service).forEach(topic -> expected.putIfAbsent(topic, false));
        }
        Map<String, Object> kafka = ofKind(resources, "Kafka").get(0);
        Map<String, Object> brokerConfig = map(kafka, "spec", "kafka", "config");
        int brokers = ofKind(resources, "KafkaNodePool").stream()
                .filter(pool -> list(pool, "spec", "roles").contains("broker"))
                .mapToInt(pool -> ((Number) at(pool, "spec", "replicas")).intValue()).sum();
        int replication = Integer.parseInt(String.valueOf(
                map(find(resources, "ConfigMap", "kulturpass-common").orElseThrow(), "data").get("KULTURPASS_KAFKA_REPLICATION_FACTOR")));
        List<String> problems = new ArrayList<>();
        if (!String.valueOf(brokerConfig.get("default.replication.factor")).equals(String.valueOf(replication))) {
            problems.add("the brokers' default.replication.factor is " + brokerConfig.get("default.replication.factor")
                    + ", the services' KULTURPASS_KAFKA_REPLICATION_FACTOR " + replication);
        }
        if (replication > brokers) {
            problems.add("replication " + replication + " on " + brokers + " broker(s)");
        }
        Set<String> rendered = new TreeSet<>();
        for (Map<String, Object> topic : ofKind(resources, "KafkaTopic")) {
            String name = String.valueOf(at(topic, "spec", "topicName") != null ? at(topic, "spec", "topicName") : name(topic));
            rendered.add(name);
            Map<String, Object> config = map(topic, "spec", "config");
            Object partitions = at(topic, "spec", "partitions");
            Object replicas = at(topic, "spec", "replicas");
            if (!Integer.valueOf(code.partitions()).equals(partitions)) {
                problems.add(name + ": " + partitions + " partitions, the code declares " + code.partitions());
            }
            if (!Integer.valueOf(replication).equals(replicas)) {
                problems.add(name + ": " + replicas + " replicas, the installation's replication is " + replication);
            }
            boolean compact = "compact".equals(config.get("cleanup.policy"));
            if (expected.containsKey(name) && compact != expected.get(name)) {
                problems.add(name + (compact ? " is compacted, the code declares it not" : " is not compacted, the code declares it :compact"));
            }
            Object retention = config.get("retention.ms");
            if (!compact && !String.valueOf(TopicDeclarations.EVENT_RETENTION.toMillis()).equals(String.valueOf(retention))) {
                problems.add(name + ": retention.ms " + retention + ", the code keeps events " + TopicDeclarations.EVENT_RETENTION.toMillis());
            }
            for (String key : config.keySet()) {
                if (!key.equals("cleanup.policy") && !(key.equals("retention.ms") && !compact)) {
                    problems.add(name + ": " + key + " set, the code declares no such setting");
                }
            }
            if (!name(kafka).equals(map(topic, "metadata", "labels").get("strimzi.io/cluster"))) {
                problems.add(name + " is not labelled for the Kafka " + name(kafka));
            }
            int minInsync = Integer.parseInt(String.valueOf(brokerConfig.getOrDefault("min.insync.replicas", 1)));
            if (replication > 1 && minInsync >= replication) {
                problems.add("min.insync.replicas " + minInsync + " leaves no broker to lose with replication " + replication);
            }
        }
        if (!rendered.equals(expected.keySet())) {
            Set<String> missing = new TreeSet<>(expected.keySet());
            missing.removeAll(rendered);
            Set<String> extra = new TreeSet<>(rendered);
            extra.removeAll(expected.keySet());
            problems.add("KafkaTopics missing for " + missing + "; KafkaTopics no code uses: " + extra);
        }
        Installations.noProblems(overlay, problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/large"})
    void eachServiceIsAKafkaUserAllowedOnlyWhatItDoes(String overlay) {
        List<Map<String, Object>> resources = Installations.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : CodeDeclarations.SERVICES) {
            Set<String> expected = new TreeSet<>();
            code.writtenTopics(service).forEach(t -> {
                expected.add("topic " + t + " Write");
                expected.add("topic " + t + " Describe");
            });
            code.incoming(service, "topic").values().forEach(t -> {
                expected.add("topic " + t + " Read");
                expected.add("topic " + t + " Describe");
            });
            code.deadLetterTopics(service).forEach(t -> {
                expected.add("topic " + t + " Write");
                expected.add("topic " + t + " Read");
                expected.add("topic " + t + " Describe");
            });
            code.incoming(service, "group.id").values().forEach(g -> expected.add("group " + g + " Read"));

            Map<String, Object> user = find(resources, "KafkaUser", service).orElse(null);
            if (user == null) {
                problems.add("no KafkaUser " + service);
                continue;
            }
            if (!"scram-sha-512".equals(at(user, "spec", "authentication", "type"))) {
                problems.add(service + " does not sign in with SCRAM-SHA-512, as the services' KAFKA_SASL_MECHANISM says");
            }
            Set<String> granted = new TreeSet<>();
            for (Map<String, Object> acl : maps(list(user, "spec", "authorization", "acls"))) {
                Map<String, Object> resource = map(acl, "resource");
                if (!"literal".equals(resource.get("patternType"))) {
                    problems.add(service + ": an ACL on a " + resource.get("patternType") + " pattern (" + resource.get("name") + ")");
                }
                for (Object operation : list(acl, "operations")) {
                    granted.add(resource.get("type") + " " + resource.get("name") + " " + operation);
                }
            }
            if (!granted.equals(expected)) {
                Set<String> more = new TreeSet<>(granted);
                more.removeAll(expected);
                Set<String> less = new TreeSet<>(expected);
                less.removeAll(granted);
                problems.add(service + "'s ACLs grant beyond what it does " + more + " and lack " + less);
            }
            // the service signs in as that user
            Map<String, Object> deployment = find(resources, "Deployment", service).orElseThrow();
            Object jaasSecret = maps(list(maps(list(deployment, "spec", "template", "spec", "containers")).get(0), "env")).stream()
                    .filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(e.get("name")))
                    .map(e -> at(e, "valueFrom", "secretKeyRef", "name")).findFirst().orElse(null);
            if (!service.equals(jaasSecret)) {
                problems.add(service + " takes KAFKA_SASL_JAAS_CONFIG from " + jaasSecret + ", not from its KafkaUser's Secret");
            }
        }
        Installations.noProblems(overlay, problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/large"})
    void theBrokersAreTheKafkaTheCodeIsTestedWith(String overlay) {
        Map<String, Object> kafka = ofKind(Installations.render(overlay), "Kafka").get(0);
        assertEquals(RootPom.property("kafka.version"), String.valueOf(at(kafka, "spec", "kafka", "version")),
                "the Kafka CR's version and the root pom's kafka.version");
        assertEquals(Boolean.FALSE, map(kafka, "spec", "kafka", "config").get("auto.create.topics.enable"),
                "brokers must not create topics: every topic is a KafkaTopic");
    }
}
