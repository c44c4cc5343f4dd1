package lu.kulturpass.deploy.kubernetes;

import static lu.kulturpass.deploy.kubernetes.Resources.list;
import static lu.kulturpass.deploy.kubernetes.Resources.map;
import static lu.kulturpass.deploy.kubernetes.Resources.maps;
import static lu.kulturpass.deploy.kubernetes.Resources.name;
import static lu.kulturpass.deploy.kubernetes.Resources.ofKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies allow the design's flows within the namespace, and no other between the services: evaluated
 * here on the pods' labels (the services' from their Deployments; the operators' pods from the labels Strimzi,
 * CloudNativePG and the Keycloak Operator give them). Kafka's own policy is Strimzi's (the listener's
 * networkPolicyPeers), so traffic into the brokers counts as allowed here.
 */
class NetworkPoliciesTest {

    private static final Map<String, Object> POSTGRES = Map.of("cnpg.io/cluster", "kulturpass-db", "cnpg.io/instanceRole", "primary");
    private static final Map<String, Object> POOLER = Map.of("cnpg.io/poolerName", "kulturpass-db-pooler-rw");
    private static final Map<String, Object> KAFKA = Map.of("strimzi.io/cluster", "kulturpass", "strimzi.io/broker-role", "true",
            "strimzi.io/kind", "Kafka");
    private static final Map<String, Object> KEYCLOAK = Map.of("app", "keycloak", "app.kubernetes.io/instance", "kulturpass-keycloak",
            "app.kubernetes.io/managed-by", "keycloak-operator");

    @Test
    void onlyTheDesignsFlowsAreAllowed() {
        List<Map<String, Object>> resources = Installations.render("overlays/large");
        List<Map<String, Object>> policies = ofKind(resources, "NetworkPolicy");
        Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        for (String service : CodeDeclarations.SERVICES) {
            pods.put(service, map(Resources.find(resources, "Deployment", service).orElseThrow(), "spec", "template", "metadata", "labels"));
        }
        List<String> problems = new ArrayList<>();
        for (String from : CodeDeclarations.SERVICES) {
            for (String to : CodeDeclarations.SERVICES) {
                boolean expected = from.equals("eligibility-service") && to.equals("pass-service");
                if (!from.equals(to) && allowed(policies, pods.get(from), pods.get(to), 8080) != expected) {
                    problems.add(from + " -> " + to + " (HTTP) is " + (expected ? "refused" : "allowed"));
                }
            }
            expect(problems, policies, from, pods.get(from), "PostgreSQL", POSTGRES, 5432, true);
            expect(problems, policies, from, pods.get(from), "the pooler", POOLER, 5432, from.equals("venue-service"));
            expect(problems, policies, from, pods.get(from), "Kafka", KAFKA, 9093, true);
            expect(problems, policies, from, pods.get(from), "Keycloak", KEYCLOAK, 8080, true);
            expect(problems, policies, from, pods.get(from), "Keycloak's database port", KEYCLOAK, 5432, false);
        }
        expect(problems, policies, "Keycloak", KEYCLOAK, "PostgreSQL", POSTGRES, 5432, true);
        expect(problems, policies, "the pooler", POOLER, "PostgreSQL", POSTGRES, 5432, true);
        Installations.noProblems("NetworkPolicies", problems);
    }

    private static void expect(List<String> problems, List<Map<String, Object>> policies, String from, Map<String, Object> source,
                               String to, Map<String, Object> target, int port, boolean expected) {
        if (allowed(policies, source, target, port) != expected) {
            problems.add(from + " -> " + to + " on " + port + " is " + (expected ? "refused" : "allowed"));
        }
    }

    /** Whether a connection between two pods of the namespace is allowed: egress from one and ingress into the other. */
    static boolean allowed(List<Map<String, Object>> policies, Map<String, Object> source, Map<String, Object> target, int port) {
        return direction(policies, "Egress", "egress", "to", source, target, port)
                && direction(policies, "Ingress", "ingress", "from", target, source, port);
    }

    private static boolean direction(List<Map<String, Object>> policies, String type, String rulesKey, String peersKey,
                                     Map<String, Object> subject, Map<String, Object> peer, int port) {
        boolean isolated = false;
        for (Map<String, Object> policy : policies) {
            if (!selects(map(policy, "spec", "podSelector", "matchLabels"), subject)
                    || !list(policy, "spec", "policyTypes").contains(type)) {
                continue;
            }
            isolated = true;
            for (Map<String, Object> rule : maps(list(policy, "spec", rulesKey))) {
                boolean portMatches = list(rule, "ports").isEmpty()
                        || maps(list(rule, "ports")).stream().anyMatch(p -> Integer.valueOf(port).equals(p.get("port")));
                boolean peerMatches = list(rule, peersKey).isEmpty()
                        || maps(list(rule, peersKey)).stream().anyMatch(p -> p.get("namespaceSelector") == null
                                && p.get("ipBlock") == null && selects(map(p, "podSelector", "matchLabels"), peer));
                if (portMatches && peerMatches) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean selects(Map<String, Object> matchLabels, Map<String, Object> labels) {
        return labels.entrySet().containsAll(matchLabels.entrySet());
    }

    @SuppressWarnings("unused")
    private static String describe(Map<String, Object> policy) {
        return name(policy);
    }
}
