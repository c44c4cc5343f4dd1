package lu.kulturpass.deploy.kubernetes;

import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lu.kulturpass.platform.kafka.TopicsConfig;

/**
 * What the code declares, read from the repository's files: the one source the manifests must agree with.
 * Topics: {@code kulturpass.kafka.topics} of a service's application.properties ({@code name[:compact]}), to which
 * platform's TopicDeclarations adds {@code kulturpass.accounts}, with {@code kulturpass.kafka.partitions}'s default;
 * the channels' topics, consumer groups and dead-letter topics ({@code mp.messaging.incoming.*}); the topics a
 * service publishes (its events' {@code TOPIC} constants); the configuration keys it reads.
 */
public final class CodeDeclarations {

    public static final Set<String> SERVICES = Set.of("pass-service", "eligibility-service", "venue-service");

    private static final Pattern TOPIC_CONSTANT = Pattern.compile("static final String TOPIC = \"([^\"]+)\"");
    /** A service's code naming an events module topic it writes, as producers do: {@code PassTopic.TOPIC}. */
    private static final Pattern TOPIC_REFERENCE = Pattern.compile("\\b([A-Z][A-Za-z]*Topic)\\.TOPIC\\b");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"");
    /** A member of a mapping: its annotations, its name (after comments are removed). */
    private static final Pattern MAPPING_MEMBER = Pattern.compile("((?:@\\w+(?:\\([^)]*\\))?\\s+)*)[\\w<>?,. ]+\\s(\\w+)\\(\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\"([^\"]+)\"\\)");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern ENVIRONMENT_EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private final Path root;

    public CodeDeclarations(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Properties properties(String service) {
        return load(root.resolve(service).resolve("src/main/resources/application.properties"));
    }

    public Properties platformProperties() {
        return load(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
    }

    /** The topics a service declares, each with whether it is compacted (TopicDeclarations' reading). */
    public Map<String, Boolean> declaredTopics(String service) {
        Map<String, Boolean> topics = new TreeMap<>();
        for (String declaration : properties(service).getProperty("kulturpass.kafka.topics", "").split(",")) {
            if (declaration.isBlank()) {
                continue;
            }
            String[] parts = declaration.strip().split(":");
            topics.put(parts[0], parts.length > 1 && "compact".equals(parts[1]));
        }
        topics.putIfAbsent(accountsTopic(), false);
        return topics;
    }

    /** TopicDeclarations' default number of partitions (kulturpass.kafka.partitions, platform's TopicsConfig). */
    public int partitions() {
        try {
            return Integer.parseInt(TopicsConfig.class.getMethod("partitions").getAnnotation(WithDefault.class).value());
        } catch (NoSuchMethodException | NullPointerException e) {
            throw new IllegalStateException("TopicsConfig no longer says kulturpass.kafka.partitions' default", e);
        }
    }

    /** The topic every service writes staff account changes to (the events module's AccountChange.TOPIC). */
    public String accountsTopic() {
        Matcher m = TOPIC_CONSTANT.matcher(read(root.resolve("events/src/main/java/lu/kulturpass/events/AccountChange.java")));
        if (!m.find()) {
            throw new IllegalStateException("AccountChange.TOPIC not found");
        }
        return m.group(1);
    }

    /**
     * The topics a service publishes: those of the events module's topic classes its code names ({@code PassTopic.TOPIC}
     * in its outbox calls), its own TOPIC constants, and the accounts topic.
     */
    public Set<String> writtenTopics(String service) {
        Path sources = root.resolve(service).resolve("src/main/java");
        Set<String> topics = new TreeSet<>(constants(sources, TOPIC_CONSTANT));
        for (String topicClass : constants(sources, TOPIC_REFERENCE)) {
            Matcher m = TOPIC_CONSTANT.matcher(read(root.resolve("events/src/main/java/lu/kulturpass/events/" + topicClass + ".java")));
            if (!m.find()) {
                throw new IllegalStateException(topicClass + ".TOPIC not found in the events module");
            }
            topics.add(m.group(1));
        }
        topics.add(accountsTopic());
        return topics;
    }

    /** Each incoming channel's setting {@code key} (topic, group.id, ...), by channel. */
    public Map<String, String> incoming(String service, String key) {
        Map<String, String> values = new TreeMap<>();
        Properties properties = properties(service);
        for (String name : properties.stringPropertyNames()) {
            String prefix = "mp.messaging.incoming.";
            if (name.startsWith(prefix) && name.endsWith("." + key)) {
                String channel = name.substring(prefix.length(), name.length() - key.length() - 1);
                if (!channel.contains(".")) {
                    values.put(channel, properties.getProperty(name));
                }
            }
        }
        return values;
    }

    /** The channels' dead-letter topics, as DeadLetters names them (its configured topic, else SmallRye's default). */
    public Set<String> deadLetterTopics(String service) {
        Map<String, String> configured = incoming(service, "dead-letter-queue.topic");
        Set<String> topics = new TreeSet<>();
        incoming(service, "failure-strategy").forEach((channel, strategy) -> {
            if ("dead-letter-queue".equals(strategy)) {
                topics.add(configured.getOrDefault(channel, "dead-letter-topic-" + channel));
            }
        });
        return topics;
    }

    /**
     * Whether a service reads the environment variable {@code name} as one of its kulturpass configuration keys
     * (properties files, {@code @ConfigProperty}, the members of {@code @ConfigMapping} interfaces of its own and
     * platform's code), or as an expression {@code ${NAME...}} in its properties.
     */
    public boolean readsKulturpassVariable(String service, String name) {
        Set<String> keys = new TreeSet<>();
        Set<String> expressions = new TreeSet<>();
        for (Properties properties : new Properties[] {properties(service), platformProperties()}) {
            keys.addAll(properties.stringPropertyNames());
            properties.values().forEach(v -> {
                Matcher m = ENVIRONMENT_EXPRESSION.matcher(String.valueOf(v));
                while (m.find()) {
                    expressions.add(m.group(1));
                }
            });
        }
        for (Path sources : new Path[] {root.resolve(service).resolve("src/main/java"), root.resolve("platform/src/main/java")}) {
            keys.addAll(constants(sources, CONFIG_PROPERTY));
            keys.addAll(mappedKeys(sources));
        }
        return expressions.contains(name) || keys.stream().anyMatch(key -> environmentName(key).equals(name));
    }

    /**
     * The keys of the {@code @ConfigMapping} interfaces under {@code sources}: the prefix, then each member's
     * {@code @WithName} or its name in kebab case ({@code smallestCell()} → {@code smallest-cell}).
     */
    static Set<String> mappedKeys(Path sources) {
        Set<String> keys = new TreeSet<>();
        forEachSource(sources, text -> {
            Matcher mapping = CONFIG_MAPPING.matcher(text);
            if (mapping.find()) {
                String body = COMMENT.matcher(text.substring(text.indexOf('{', mapping.end()) + 1)).replaceAll(" ");
                Matcher member = MAPPING_MEMBER.matcher(body);
                while (member.find()) {
                    Matcher named = WITH_NAME.matcher(member.group(1));
                    String key = named.find() ? named.group(1) : member.group(2).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
                    keys.add(mapping.group(1) + "." + key);
                }
            }
        });
        return keys;
    }

    /** MicroProfile Config's environment name of a key: upper case, every character but letters and digits '_'. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Set<String> constants(Path sources, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        forEachSource(sources, text -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        });
        return found;
    }

    private static void forEachSource(Path sources, Consumer<String> reader) {
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> reader.accept(read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
