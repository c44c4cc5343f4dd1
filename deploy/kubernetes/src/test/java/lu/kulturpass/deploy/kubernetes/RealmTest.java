package lu.kulturpass.deploy.kubernetes;

import static lu.kulturpass.deploy.kubernetes.Resources.at;
import static lu.kulturpass.deploy.kubernetes.Resources.find;
import static lu.kulturpass.deploy.kubernetes.Resources.list;
import static lu.kulturpass.deploy.kubernetes.Resources.map;
import static lu.kulturpass.deploy.kubernetes.Resources.maps;
import static lu.kulturpass.deploy.kubernetes.Resources.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Keycloak imports the local stack's realm file itself (deploy/keycloak/kulturpass-realm.json, made a ConfigMap by
 * deploy/keycloak/kustomization.yaml), with every placeholder it needs set.
 */
class RealmTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    @Test
    void theRealmIsTheLocalStacksFileAsIs() throws Exception {
        String file = Files.readString(Installations.root().resolve("deploy/keycloak/kulturpass-realm.json"));
        for (String overlay : Installations.OVERLAYS) {
            Map<String, Object> configMap = find(Installations.render(overlay), "ConfigMap", "kulturpass-realm").orElseThrow();
            assertEquals(file, map(configMap, "data").get("kulturpass-realm.json"), overlay + ": the realm ConfigMap is not the file");
        }
    }

    @Test
    void theRealmFileIsAKeycloakRealm() throws Exception {
        String file = Files.readString(Installations.root().resolve("deploy/keycloak/kulturpass-realm.json"));
        // as Keycloak reads it at import: each placeholder replaced by its value (here: its default, or a stand-in)
        Matcher m = PLACEHOLDER.matcher(file);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(resolved, Matcher.quoteReplacement(m.group(2) != null ? m.group(2) : "stand-in"));
        }
        m.appendTail(resolved);
        RealmRepresentation realm = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(resolved.toString(), RealmRepresentation.class);
        assertEquals("kulturpass", realm.getRealm());
        assertTrue(realm.getClients().size() >= 4, "the realm's clients");
    }

    @Test
    void keycloakImportsItWithEveryPlaceholderSetAndIsTheTestedVersion() throws Exception {
        String file = Files.readString(Installations.root().resolve("deploy/keycloak/kulturpass-realm.json"));
        Set<String> needed = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(file);
        while (m.find()) {
            // no default, or a default that only suits the local stack (its addresses on localhost)
            if (m.group(2) == null || m.group(2).contains("localhost")) {
                needed.add(m.group(1));
            }
        }
        for (String overlay : Installations.OVERLAYS) {
            List<Map<String, Object>> keycloaks = ofKind(Installations.render(overlay), "Keycloak");
            assertEquals(1, keycloaks.size(), overlay + ": one Keycloak");
            Map<String, Object> keycloak = keycloaks.get(0);
            Map<String, Object> podSpec = map(keycloak, "spec", "unsupported", "podTemplate", "spec");
            Map<String, Object> container = maps(list(podSpec, "containers")).get(0);
            List<String> problems = new ArrayList<>();
            Set<String> set = new TreeSet<>();
            maps(list(container, "env")).forEach(e -> set.add(String.valueOf(e.get("name"))));
            if (!set.containsAll(needed)) {
                Set<String> missing = new TreeSet<>(needed);
                missing.removeAll(set);
                problems.add("the realm's placeholders " + missing + " are not set in Keycloak's environment");
            }
            if (!list(container, "args").contains("--import-realm")) {
                problems.add("Keycloak does not start with --import-realm");
            }
            String volume = maps(list(container, "volumeMounts")).stream()
                    .filter(v -> "/opt/keycloak/data/import".equals(v.get("mountPath")))
                    .map(v -> String.valueOf(v.get("name"))).findFirst().orElse(null);
            boolean realmMounted = maps(list(podSpec, "volumes")).stream()
                    .anyMatch(v -> String.valueOf(v.get("name")).equals(volume) && "kulturpass-realm".equals(at(v, "configMap", "name")));
            if (!realmMounted) {
                problems.add("the ConfigMap kulturpass-realm is not mounted at /opt/keycloak/data/import");
            }
            String image = String.valueOf(at(keycloak, "spec", "image"));
            if (!image.endsWith(":" + RootPom.property("keycloak.version"))) {
                problems.add("Keycloak's image " + image + " is not the root pom's keycloak.version " + RootPom.property("keycloak.version"));
            }
            Installations.noProblems(overlay, problems);
        }
    }
}
