package lu.kulturpass.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;

/**
 * Checks catalogues of words (Qute message bundles) against their files, one per {@link Language}: every word in every
 * language, none empty, none the bundle does not declare, and the same parameters in every language.
 */
public final class WordsCatalogue {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private WordsCatalogue() {
    }

    /**
     * Fails with every problem found in the bundles' files, each named by file and key, and with every message name two of
     * the bundles share: pass all the catalogues a service serves (the platform's {@code Catalogue.PLATFORM} and its own).
     */
    public static void assertComplete(Class<?>... bundles) {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, Class<?>> named = new java.util.HashMap<>();
        for (Class<?> bundle : bundles) {
            for (Method message : Words.messages(bundle)) {
                Class<?> first = named.putIfAbsent(message.getName(), bundle);
                if (first != null && first != bundle) {
                    problems.add(message.getName() + " is a word of both " + first.getSimpleName() + " and " + bundle.getSimpleName()
                            + ": /words.js serves a service's catalogues side by side, so one must name it differently");
                }
            }
        }
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Set<String> keys = keys(bundle);
            Properties english = read(name, Language.EN, problems);
            for (Language language : Language.values()) {
                Properties words = read(name, language, problems);
                String file = file(name, language);
                for (String key : keys) {
                    String word = words.getProperty(key);
                    if (word == null) {
                        problems.add(file + ": no word for " + key);
                    } else if (word.isBlank()) {
                        problems.add(file + ": the word for " + key + " is empty");
                    } else if (english.getProperty(key) != null && !parameters(word).equals(parameters(english.getProperty(key)))) {
                        problems.add(file + ": " + key + " takes " + parameters(word) + " where English takes "
                                + parameters(english.getProperty(key)));
                    }
                }
                for (String key : words.stringPropertyNames()) {
                    if (!keys.contains(key)) {
                        problems.add(file + ": " + key + " is not a word of " + bundle.getSimpleName());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems in the catalogues of words:\n" + String.join("\n", problems));
        }
    }

    /** The keys a bundle's files must hold: a message's name, or for a message about an enum, name_CONSTANT (or name_$CONSTANT) for each. */
    static Set<String> keys(Class<?> bundle) {
        Set<String> keys = new TreeSet<>();
        for (Method message : Words.messages(bundle)) {
            Class<?>[] parameters = message.getParameterTypes();
            if (parameters.length == 1 && parameters[0].isEnum()) {
                Object[] constants = parameters[0].getEnumConstants();
                // Qute splits a key at its last underscore unless a '$' marks where the constant starts, which it
                // expects for every constant of an enum where any constant has an underscore
                boolean marked = java.util.Arrays.stream(constants).anyMatch(c -> ((Enum<?>) c).name().contains("_"));
                for (Object constant : constants) {
                    keys.add(message.getName() + (marked ? "_$" : "_") + ((Enum<?>) constant).name());
                }
            } else {
                keys.add(message.getName());
            }
        }
        return keys;
    }

    private static Set<String> parameters(String word) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(word);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String file(String bundle, Language language) {
        return "messages/" + bundle + "_" + language.code() + ".properties";
    }

    private static Properties read(String bundle, Language language, List<String> problems) {
        Properties words = new Properties();
        String file = file(bundle, language);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                problems.add(file + " is missing");
            } else {
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            problems.add(file + " cannot be read: " + e.getMessage());
        }
        return words;
    }
}
