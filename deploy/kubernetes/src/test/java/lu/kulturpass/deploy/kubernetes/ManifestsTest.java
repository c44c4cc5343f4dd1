package lu.kulturpass.deploy.kubernetes;

import static lu.kulturpass.deploy.kubernetes.Resources.kind;
import static lu.kulturpass.deploy.kubernetes.Resources.map;
import static lu.kulturpass.deploy.kubernetes.Resources.name;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rendered resource against the model of its kind (Models), and what no installation may hold. */
class ManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/large", "cluster"})
    void everyResourceFitsTheModelOfItsKind(String kustomization) {
        List<Map<String, Object>> resources = Installations.render(kustomization);
        assertFalse(resources.isEmpty(), kustomization + " renders nothing");
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            problems.addAll(Models.problems(resource));
        }
        Installations.noProblems(kustomization, problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small", "overlays/large", "cluster"})
    void noSecretIsCommittedAndNamesAreUnique(String kustomization) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Map<String, Object> resource : Installations.render(kustomization)) {
            if ("Secret".equals(kind(resource))) {
                problems.add("Secret " + name(resource) + " is in the manifests: secrets are created on the cluster"
                        + " (docs/kubernetes.md), never committed");
            }
            if (!seen.add(resource.get("apiVersion") + " " + kind(resource) + " " + name(resource))) {
                problems.add(kind(resource) + " " + name(resource) + " twice");
            }
        }
        Installations.noProblems(kustomization, problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/large"})
    void anOverlayPutsEverythingInItsNamespace(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> resource : Installations.render(overlay)) {
            if (!"kulturpass".equals(map(resource, "metadata").get("namespace"))) {
                problems.add(kind(resource) + " " + name(resource) + " is not in the namespace kulturpass");
            }
        }
        Installations.noProblems(overlay, problems);
    }

    /** The check itself: a misspelt field is caught in each family of models. */
    @Test
    void theModelsCatchAMisspeltField() {
        Map<String, Object> topic = Map.of("apiVersion", "kafka.strimzi.io/v1", "kind", "KafkaTopic",
                "metadata", Map.of("name", "t"), "spec", Map.of("partitons", 3));
        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "d"), "spec", Map.of("replica", 2, "selector", Map.of(),
                        "template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "c"))))));
        Map<String, Object> issuer = Map.of("apiVersion", "cert-manager.io/v1", "kind", "ClusterIssuer",
                "metadata", Map.of("name", "i"), "spec", Map.of("acme", Map.of("sever", "https://acme")));
        Map<String, Object> unknown = Map.of("apiVersion", "example.org/v1", "kind", "Thing", "metadata", Map.of("name", "x"));
        for (Map<String, Object> wrong : List.of(topic, deployment, issuer, unknown)) {
            assertFalse(Models.problems(wrong).isEmpty(), "no problem found in " + wrong);
        }
    }
}
