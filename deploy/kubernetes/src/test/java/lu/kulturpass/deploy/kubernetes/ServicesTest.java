package lu.kulturpass.deploy.kubernetes;

import static lu.kulturpass.deploy.kubernetes.Resources.at;
import static lu.kulturpass.deploy.kubernetes.Resources.find;
import static lu.kulturpass.deploy.kubernetes.Resources.kind;
import static lu.kulturpass.deploy.kubernetes.Resources.list;
import static lu.kulturpass.deploy.kubernetes.Resources.map;
import static lu.kulturpass.deploy.kubernetes.Resources.maps;
import static lu.kulturpass.deploy.kubernetes.Resources.name;
import static lu.kulturpass.deploy.kubernetes.Resources.ofKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three services' Deployments and what they refer to, in each installation. */
class ServicesTest {

    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");

    private final CodeDeclarations code = Installations.code();

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/large"})
    void eachServiceRunsWithProbesResourcesAndADisruptionBudget(String overlay) {
        List<Map<String, Object>> resources = Installations.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : CodeDeclarations.SERVICES) {
            Map<String, Object> deployment = find(resources, "Deployment", service).orElse(null);
            if (deployment == null) {
                problems.add("no Deployment " + service);
                continue;
            }
            Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
            Map<String, Object> container = maps(list(deployment, "spec", "template", "spec", "containers")).get(0);
            PROBES.forEach((probe, path) -> {
                if (!path.equals(at(container, probe, "httpGet", "path")) || !"http".equals(at(container, probe, "httpGet", "port"))) {
                    problems.add(service + "'s " + probe + " is not GET " + path + " on the port http");
                }
            });
            if (maps(list(container, "ports")).stream().noneMatch(p -> "http".equals(p.get("name"))
                    && Integer.valueOf(8080).equals(p.get("containerPort")))) {
                problems.add(service + " has no container port http 8080 (QUARKUS_HTTP_PORT)");
            }
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (at(container, "resources", bound, resource) == null) {
                        problems.add(service + " has no " + resource + " " + bound);
                    }
                }
            }
            if (ofKind(resources, "PodDisruptionBudget").stream()
                    .noneMatch(pdb -> selects(map(pdb, "spec", "selector", "matchLabels"), podLabels))) {
                problems.add("no PodDisruptionBudget for " + service);
            }
            if (ofKind(resources, "Service").stream()
                    .noneMatch(s -> name(s).equals(service) && selects(map(s, "spec", "selector"), podLabels))) {
                problems.add("no Service " + service + " selecting its pods");
            }
            boolean scaled = ofKind(resources, "HorizontalPodAutoscaler").stream()
                    .anyMatch(h -> service.equals(at(h, "spec", "scaleTargetRef", "name")));
            if ("venue-service".equals(service) && !scaled) {
                problems.add("no HorizontalPodAutoscaler for venue-service");
            }
            if (scaled && at(deployment, "spec", "replicas") != null) {
                problems.add(service + " sets replicas, which its HorizontalPodAutoscaler sets: every apply would undo it");
            }
            if (!scaled && ((Number) at(deployment, "spec", "replicas")).intValue() < 2) {
                problems.add(service + " runs fewer than two replicas");
            }
        }
        Installations.noProblems(overlay, problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/large"})
    void eachServiceIsConfiguredWithKeysItReadsAndItsOwnDatabase(String overlay) {
        List<Map<String, Object>> resources = Installations.render(overlay);
        Map<String, Object> common = map(find(resources, "ConfigMap", "kulturpass-common").orElseThrow(), "data");
        List<String> problems = new ArrayList<>();
        for (String service : CodeDeclarations.SERVICES) {
            Map<String, Object> deployment = find(resources, "Deployment", service).orElseThrow();
            Map<String, Object> container = maps(list(deployment, "spec", "template", "spec", "containers")).get(0);
            Map<String, Object> env = new LinkedHashMap<>(common);
            maps(list(container, "env")).forEach(e -> env.put(String.valueOf(e.get("name")), e.get("value")));
            for (String variable : env.keySet()) {
                if (variable.startsWith("KULTURPASS_") && !code.readsKulturpassVariable(service, variable)) {
                    problems.add(service + " is given " + variable + ", which it does not read");
                }
            }
            String database = databaseOf(code.properties(service).getProperty("quarkus.datasource.jdbc.url"));
            for (String url : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_FLYWAY_JDBC_URL")) {
                if (env.get(url) != null && !database.equals(databaseOf(String.valueOf(env.get(url))))) {
                    problems.add(service + "'s " + url + " names " + databaseOf(String.valueOf(env.get(url)))
                            + ", its database is " + database);
                }
            }
            if (env.get("QUARKUS_DATASOURCE_JDBC_URL") == null) {
                problems.add(service + " has no QUARKUS_DATASOURCE_JDBC_URL");
            }
        }
        Installations.noProblems(overlay, problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/large"})
    void everyConfigMapAndSecretReferredToExistsOrIsDocumented(String overlay) {
        List<Map<String, Object>> resources = Installations.render(overlay);
        String docs = read("docs/kubernetes.md");
        Set<String> madeByOperators = new HashSet<>();
        ofKind(resources, "KafkaUser").forEach(u -> madeByOperators.add(name(u)));
        ofKind(resources, "Kafka").forEach(k -> madeByOperators.add(name(k) + "-cluster-ca-cert"));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            String id = kind(resource) + " " + name(resource);
            Set<String> secrets = new TreeSet<>();
            walk(resource, null, (key, value) -> {
                if (key.equals("configMapKeyRef") || key.equals("configMapRef") || key.equals("configMap")) {
                    Map<?, ?> ref = (Map<?, ?>) value;
                    Object configMap = find(resources, "ConfigMap", String.valueOf(ref.get("name"))).orElse(null);
                    if (configMap == null) {
                        problems.add(id + " refers to the ConfigMap " + ref.get("name") + ", which is not rendered");
                    } else if (ref.get("key") != null && !map(configMap, "data").containsKey(ref.get("key"))) {
                        problems.add(id + " refers to the key " + ref.get("key") + " of the ConfigMap " + ref.get("name") + ", which it lacks");
                    }
                } else if (key.equals("secretName") && value instanceof String s) {
                    secrets.add(s);
                } else if (value instanceof Map<?, ?> ref && ref.get("name") instanceof String s
                        && (key.endsWith("Secret") || key.equals("secret") || key.equals("secretKeyRef") || key.equals("secretRef")
                            || key.equals("accessKeyId") || key.equals("secretAccessKey"))) {
                    secrets.add(s);
                }
            });
            // made by cert-manager: the Ingress's certificate
            if ("Ingress".equals(kind(resource))) {
                maps(list(resource, "spec", "tls")).forEach(t -> secrets.remove(String.valueOf(t.get("secretName"))));
            }
            for (String secret : secrets) {
                if (!madeByOperators.contains(secret) && !docs.contains("`" + secret + "`")) {
                    problems.add(id + " refers to the Secret " + secret + ", which no operator makes and docs/kubernetes.md"
                            + " does not tell the installer to create");
                }
            }
        }
        Installations.noProblems(overlay, problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/small", "overlays/large"})
    void theIngressServesEveryPublicAddressOverTlsFromCertManagerAndKeepsQuarkusEndpointsInside(String overlay) {
        List<Map<String, Object>> resources = Installations.render(overlay);
        List<Map<String, Object>> cluster = Installations.render("cluster");
        List<String> problems = new ArrayList<>();
        Set<String> hosts = new TreeSet<>();
        Set<String> tlsHosts = new TreeSet<>();
        Set<String> keycloakServices = new HashSet<>();
        ofKind(resources, "Keycloak").forEach(k -> keycloakServices.add(name(k) + "-service"));
        Set<String> servicesHosts = new TreeSet<>();
        Set<String> closedQuarkusEndpoints = new TreeSet<>();
        for (Map<String, Object> ingress : ofKind(resources, "Ingress")) {
            Map<String, Object> annotations = map(ingress, "metadata", "annotations");
            if ("0.0.0.0/0,::/0".equals(annotations.get("nginx.ingress.kubernetes.io/denylist-source-range"))) {
                for (Map<String, Object> rule : maps(list(ingress, "spec", "rules"))) {
                    for (Map<String, Object> path : maps(list(rule, "http", "paths"))) {
                        if ("/q".equals(path.get("path")) && "Prefix".equals(path.get("pathType"))) {
                            closedQuarkusEndpoints.add(String.valueOf(rule.get("host")));
                        } else {
                            problems.add("Ingress " + name(ingress) + " refuses everyone " + rule.get("host") + path.get("path"));
                        }
                    }
                }
                continue;
            }
            Object issuer = annotations.get("cert-manager.io/cluster-issuer");
            if (find(cluster, "ClusterIssuer", String.valueOf(issuer)).isEmpty()) {
                problems.add("Ingress " + name(ingress) + " names the ClusterIssuer " + issuer + ", which deploy/kubernetes/cluster lacks");
            }
            maps(list(ingress, "spec", "tls")).forEach(t -> list(t, "hosts").forEach(h -> tlsHosts.add(String.valueOf(h))));
            for (Map<String, Object> rule : maps(list(ingress, "spec", "rules"))) {
                hosts.add(String.valueOf(rule.get("host")));
                for (Map<String, Object> path : maps(list(rule, "http", "paths"))) {
                    String backend = String.valueOf(at(path, "backend", "service", "name"));
                    if (!keycloakServices.contains(backend)) {
                        servicesHosts.add(String.valueOf(rule.get("host")));
                    }
                    if (find(resources, "Service", backend).isEmpty() && !keycloakServices.contains(backend)) {
                        problems.add("Ingress " + name(ingress) + " sends " + rule.get("host") + " to the Service " + backend + ", which nothing makes");
                    }
                }
            }
        }
        if (!closedQuarkusEndpoints.equals(servicesHosts)) {
            problems.add("/q/ (metrics, health, OpenAPI) is public on " + servicesHosts + " except " + closedQuarkusEndpoints);
        }
        if (!tlsHosts.containsAll(hosts)) {
            problems.add("hosts served without TLS: " + hosts + " against " + tlsHosts);
        }
        Set<String> publicHosts = new TreeSet<>();
        map(find(resources, "ConfigMap", "kulturpass-public-urls").orElseThrow(), "data").values()
                .forEach(url -> publicHosts.add(String.valueOf(url).replaceFirst("^https://", "").replaceFirst("/.*", "")));
        ofKind(resources, "Keycloak").forEach(k -> publicHosts.add(String.valueOf(at(k, "spec", "hostname", "hostname"))
                .replaceFirst("^https://", "").replaceFirst("/.*", "")));
        if (!publicHosts.equals(hosts)) {
            problems.add("the public addresses (kulturpass-public-urls, Keycloak's hostname) " + publicHosts
                    + " are not the Ingress's hosts " + hosts);
        }
        Installations.noProblems(overlay, problems);
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static String databaseOf(String jdbcUrl) {
        Matcher m = Pattern.compile("jdbc:postgresql://[^/]+/([^?]+)").matcher(jdbcUrl);
        return m.find() ? m.group(1) : jdbcUrl;
    }

    private static void walk(Object node, String key, java.util.function.BiConsumer<String, Object> visitor) {
        if (key != null) {
            visitor.accept(key, node);
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, String.valueOf(k), visitor));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, key + "[]", visitor));
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Installations.root().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
