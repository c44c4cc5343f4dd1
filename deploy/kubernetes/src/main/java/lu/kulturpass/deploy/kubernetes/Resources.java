package lu.kulturpass.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading rendered resources (SnakeYAML maps) by path. */
public final class Resources {

    private Resources() {
    }

    public static String kind(Map<String, Object> resource) {
        return String.valueOf(resource.get("kind"));
    }

    public static String name(Map<String, Object> resource) {
        return String.valueOf(map(resource, "metadata").get("name"));
    }

    /** The map at a path of keys, or an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object from, String... path) {
        Object at = at(from, path);
        return at instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The list at a path of keys, or an empty list. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object from, String... path) {
        Object at = at(from, path);
        return at instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The value at a path of keys, or null. */
    public static Object at(Object from, String... path) {
        Object at = from;
        for (String key : path) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(key);
        }
        return at;
    }

    public static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(kind(r))).toList();
    }

    public static Optional<Map<String, Object>> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(kind(r)) && name.equals(name(r))).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(List<Object> list) {
        return list.stream().filter(Map.class::isInstance).map(o -> (Map<String, Object>) o).toList();
    }
}
