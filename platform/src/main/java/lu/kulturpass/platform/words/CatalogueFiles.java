package lu.kulturpass.platform.words;

import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

/**
 * A catalogue read straight from its files, for code that runs without the application (a plain unit test of a rule
 * that refuses with a problem): each message's text with its {@code {parameter}}s filled in. In the application, Qute's
 * bundles answer ({@link Words#in}).
 */
final class CatalogueFiles {

    private CatalogueFiles() {
    }

    @SuppressWarnings("unchecked")
    static <T> T read(Class<T> bundle, Language language) {
        Properties words = load(bundle.getAnnotation(MessageBundle.class).value(), language);
        return (T) Proxy.newProxyInstance(bundle.getClassLoader(), new Class<?>[] {bundle}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(words, args);
            }
            return say(words, method, args == null ? new Object[0] : args);
        });
    }

    private static String say(Properties words, Method message, Object[] args) {
        Parameter[] parameters = message.getParameters();
        String key = message.getName();
        if (parameters.length == 1 && parameters[0].getType().isEnum()) {
            boolean marked = Arrays.stream(parameters[0].getType().getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().contains("_"));
            key = key + (marked ? "_$" : "_") + ((Enum<?>) args[0]).name();
        }
        String text = words.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no word " + key + " in the catalogue of " + message.getDeclaringClass().getSimpleName());
        }
        for (int i = 0; i < parameters.length; i++) {
            text = text.replace("{" + parameters[i].getName() + "}", String.valueOf(args[i]));
        }
        return text;
    }

    private static Properties load(String bundle, Language language) {
        String file = "messages/" + bundle + "_" + language.code() + ".properties";
        Properties words = new Properties();
        try (InputStream in = CatalogueFiles.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing");
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
