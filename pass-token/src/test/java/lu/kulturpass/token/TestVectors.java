package lu.kulturpass.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code test-vectors.txt}: records made of a {@code kind: name} line and indented
 * {@code field: value} lines, the value taken exactly as written after the first ": ".
 */
final class TestVectors {

    static final String RESOURCE = "test-vectors.txt";

    record Vector(String kind, String name, Map<String, String> fields) {

        String field(String field) {
            String value = fields.get(field);
            if (value == null) {
                throw new IllegalStateException("vector '" + name + "' has no field '" + field + "'");
            }
            return value;
        }

        @Override
        public String toString() {
            return kind + ": " + name;
        }
    }

    private TestVectors() {
    }

    static String text() {
        try (InputStream in = TestVectors.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Vector> ofKind(String kind) {
        return all().stream().filter(vector -> vector.kind().equals(kind)).toList();
    }

    static List<Vector> all() {
        List<Vector> vectors = new ArrayList<>();
        Map<String, String> fields = null;
        for (String line : text().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] pair = line.strip().split(":( |$)", 2);
            if (line.startsWith(" ")) {
                fields.put(pair[0], pair[1]);
            } else {
                fields = new LinkedHashMap<>();
                vectors.add(new Vector(pair[0], pair[1], fields));
            }
        }
        return vectors;
    }
}
