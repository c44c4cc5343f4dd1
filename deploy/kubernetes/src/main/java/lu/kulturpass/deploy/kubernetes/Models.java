package lu.kulturpass.deploy.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a rendered resource against the model of its kind, from dependencies rather than copied schemas:
 * <ul>
 * <li>Kubernetes' own kinds: the official Java client's OpenAPI models ({@code validateJsonElement}: every field
 * name known, required fields present, JSON types right; not enumerations nor patterns);</li>
 * <li>Strimzi's kinds: its {@code io.strimzi:api} model, read with Jackson; unknown fields end up in
 * {@code additionalProperties}, which must stay empty everywhere in the object graph; the apiVersion must be one the
 * model serves, and no property set that the model keeps to other versions (Strimzi's {@code @PresentInVersions},
 * {@link StrimziVersions});</li>
 * <li>cert-manager's: fabric8's {@code certmanager-model}, the same way;</li>
 * <li>the Keycloak Operator's {@code Keycloak}: only its pod template, as a Kubernetes PodTemplateSpec (there is no
 * model of the operator's resources on Maven Central);</li>
 * <li>CloudNativePG's kinds: none (no model on Maven Central): {@link #UNCHECKED} lists them, and docs/kubernetes.md
 * says so.</li>
 * </ul>
 * Any other kind is a problem: a new kind needs a model here, or a line in {@link #UNCHECKED} and the docs.
 */
public final class Models {

    private static final Map<String, Class<?>> KUBERNETES = Map.of(
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class);

    private static final Map<String, Class<?>> OPERATORS = Map.of(
            "kafka.strimzi.io/Kafka", Kafka.class,
            "kafka.strimzi.io/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/KafkaUser", KafkaUser.class,
            "cert-manager.io/ClusterIssuer", io.fabric8.certmanager.api.model.v1.ClusterIssuer.class,
            "cert-manager.io/Certificate", io.fabric8.certmanager.api.model.v1.Certificate.class);

    /** Kinds no model on Maven Central describes: only their apiVersion and kind are known here. */
    public static final Set<String> UNCHECKED = Set.of(
            "postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/Database",
            "postgresql.cnpg.io/v1/Pooler",
            "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore");

    private static final String KEYCLOAK = "k8s.keycloak.org/v2alpha1/Keycloak";

    private static final Gson GSON = new Gson();
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Models() {
    }

    /** What is wrong with the resource by its model, each as a sentence naming the resource; empty when nothing. */
    public static List<String> problems(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        String kind = Resources.kind(resource);
        String id = kind + " " + Resources.name(resource) + ": ";
        List<String> problems = new ArrayList<>();
        Class<?> kubernetes = KUBERNETES.get(apiVersion + "/" + kind);
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Class<?> operator = OPERATORS.get(group + "/" + kind);
        if (kubernetes != null) {
            validate(kubernetes, resource, id, problems);
        } else if (operator != null) {
            readStrictly(operator, version, resource, id, problems);
        } else if (KEYCLOAK.equals(apiVersion + "/" + kind)) {
            Object podTemplate = Resources.at(resource, "spec", "unsupported", "podTemplate");
            if (podTemplate != null) {
                validate(V1PodTemplateSpec.class, podTemplate, id + "spec.unsupported.podTemplate: ", problems);
            }
        } else if (!UNCHECKED.contains(apiVersion + "/" + kind)) {
            problems.add(id + "no model checks " + apiVersion + " " + kind
                    + ": add one to Models, or list it in Models.UNCHECKED and in docs/kubernetes.md");
        }
        return problems;
    }

    private static void validate(Class<?> model, Object resource, String id, List<String> problems) {
        JsonElement json = GSON.toJsonTree(resource);
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
        } catch (InvocationTargetException e) {
            // the client's message ends with the whole JSON object checked: the field's name is enough
            problems.add(id + String.valueOf(e.getCause().getMessage()).replaceFirst("(?s) JSON: .*", ""));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        }
    }

    private static void readStrictly(Class<?> model, String version, Map<String, Object> resource, String id,
                                     List<String> problems) {
        try {
            Field versions = model.getField("VERSIONS");
            @SuppressWarnings("unchecked")
            List<String> served = (List<String>) versions.get(null);
            if (!served.contains(version)) {
                problems.add(id + "apiVersion " + version + " is none of the model's " + served);
            }
        } catch (NoSuchFieldException e) {
            // cert-manager's model: one version per package (v1)
            if (!"v1".equals(version)) {
                problems.add(id + "apiVersion " + version + " is not cert-manager's v1");
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        Object read;
        try {
            read = JACKSON.convertValue(resource, model);
        } catch (IllegalArgumentException e) {
            problems.add(id + e.getMessage().lines().findFirst().orElse(e.toString()));
            return;
        }
        unknownFields(read, "", version, id, problems, new IdentityHashMap<>());
    }

    /** Every non-empty additionalProperties in the object graph: fields the model does not know. */
    private static void unknownFields(Object object, String path, String version, String id, List<String> problems,
                                      IdentityHashMap<Object, Boolean> seen) {
        if (object == null || seen.put(object, true) != null) {
            return;
        }
        if (object instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", version, id, problems, seen);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), version, id, problems, seen);
            }
            return;
        }
        String type = object.getClass().getName();
        if (!type.startsWith("io.strimzi.") && !type.startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                Object value;
                try {
                    field.setAccessible(true);
                    value = field.get(object);
                } catch (RuntimeException | IllegalAccessException e) {
                    continue;
                }
                if ("additionalProperties".equals(field.getName()) && value instanceof Map<?, ?> extra) {
                    if (!extra.isEmpty()) {
                        problems.add(id + (path.isEmpty() ? "(top)" : path.substring(1))
                                + ": field(s) the model does not know: " + extra.keySet());
                    }
                } else {
                    if (value != null && type.startsWith("io.strimzi.")) {
                        String property = field.getName();
                        Class<?> owner = c;
                        StrimziVersions.limitOf(owner, property)
                                .filter(range -> !StrimziVersions.includes(range, version))
                                .ifPresent(range -> problems.add(id + path + "." + property + " exists in " + range
                                        + " only, not in " + version));
                    }
                    unknownFields(value, path + "." + field.getName(), version, id, problems, seen);
                }
            }
        }
    }
}
