package lu.kulturpass.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation as the {@link AccessMatrix} and {@link HostileInput} tables name it: its method and its path as the
 * OpenAPI document holds them, {@code "GET /passes/{id}"}.
 */
final class OperationName {

    /** The methods an OpenAPI path item holds operations under. */
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private OperationName() {
    }

    /** The name of the document's operation under {@code method} (as the document writes it, {@code get}) and {@code path}. */
    static String of(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** A name as a test writes it, checked and with its method in capitals. */
    static String normalised(String operation) {
        String[] parts = operation.trim().split("\\s+", 2);
        if (parts.length != 2 || !METHODS.contains(parts[0].toLowerCase(Locale.ROOT)) || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("an operation is a method and a path, e.g. \"GET /passes/{id}\": " + operation);
        }
        return of(parts[0], parts[1]);
    }

    static String method(String name) {
        return name.substring(0, name.indexOf(' '));
    }

    static String template(String name) {
        return name.substring(name.indexOf(' ') + 1);
    }

    /** The path's parameters, in order ({@code /partners/{id}/venues}: {@code id}). */
    static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The path with each parameter's value, encoded. */
    static String path(String template, Function<String, String> valueOf) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(encoded(valueOf.apply(parameter.group(1)))));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    /** A value as a path segment or a query parameter carries it. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
