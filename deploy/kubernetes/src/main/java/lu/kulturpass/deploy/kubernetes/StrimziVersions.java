package lu.kulturpass.deploy.kubernetes;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * In which API versions a property of a Strimzi model class exists. One Java class serves every version of a kind;
 * Strimzi marks the properties its CRD generator keeps to some versions with {@code @PresentInVersions} (for instance
 * {@code spec.kafka.resources}, {@code replicas} and {@code storage}: v1beta2 only, node pools have them in v1). That
 * annotation's class (Strimzi's crd-generator) is not on the class path at run time, so reflection does not see it:
 * it is read from the class file, with the JDK's javap.
 */
final class StrimziVersions {

    private static final Pattern METHOD = Pattern.compile("^  (?:public |protected )?(?:[\\w.$<>\\[\\], ]+ )?(get|set|is)(\\w+)\\(.*\\);$");
    private static final Pattern FIELD = Pattern.compile("^  (?:private |protected |public )?(?:[\\w.$<>\\[\\], ]+ )(\\w+);$");
    private static final Pattern PRESENT = Pattern.compile("io\\.strimzi\\.crdgenerator\\.annotations\\.PresentInVersions\\(\\s*value=\"([^\"]+)\"");
    private static final List<String> ORDER = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");
    private static final Map<Class<?>, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private StrimziVersions() {
    }

    /** The version range a property is limited to ("v1beta2", "v1+", "v1alpha1-v1beta2"), if it is. */
    static Optional<String> limitOf(Class<?> type, String property) {
        return Optional.ofNullable(CACHE.computeIfAbsent(type, StrimziVersions::read).get(property));
    }

    static boolean includes(String range, String version) {
        for (String part : range.split(",")) {
            part = part.strip();
            int v = rank(version);
            if (part.endsWith("+") && v >= rank(part.substring(0, part.length() - 1))) {
                return true;
            }
            if (part.contains("-")) {
                String[] ends = part.split("-");
                if (v >= rank(ends[0]) && v <= rank(ends[1])) {
                    return true;
                }
            }
            if (part.equals(version)) {
                return true;
            }
        }
        return false;
    }

    private static int rank(String version) {
        int i = ORDER.indexOf(version);
        return i >= 0 ? i : ORDER.size();
    }

    private static Map<String, String> read(Class<?> type) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(
                () -> new IllegalStateException("the JDK's javap is needed to read Strimzi's @PresentInVersions"));
        StringWriter out = new StringWriter();
        // the class's own jar (under Surefire, java.class.path is only its booter jar)
        String classPath;
        try {
            classPath = java.nio.file.Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        int status = javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-v", "-p", "-cp", classPath, type.getName());
        if (status != 0) {
            throw new IllegalStateException("javap could not read " + type.getName());
        }
        Map<String, String> limits = new ConcurrentHashMap<>();
        String member = null;
        StringBuilder annotations = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            Matcher method = METHOD.matcher(line);
            Matcher field = FIELD.matcher(line);
            if (method.matches() || field.matches() || line.equals("}")) {
                record(member, annotations, limits);
                annotations.setLength(0);
                member = method.matches() ? decapitalize(method.group(2)) : field.matches() ? field.group(1) : null;
            } else {
                annotations.append(line).append('\n');
            }
        }
        return limits;
    }

    private static void record(String member, CharSequence annotations, Map<String, String> limits) {
        if (member == null) {
            return;
        }
        Matcher present = PRESENT.matcher(annotations);
        if (present.find()) {
            limits.put(member, present.group(1));
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
