package lu.kulturpass.platform.words;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Words from the catalogues, in a language: {@code Words.of(AgencyWords.class).unknownCriterion(code)} in the caller's
 * language, {@link #in} in a chosen one (a card, a report in the partner's language).
 */
public final class Words {

    private Words() {
    }

    /** The bundle in the language of the person calling ({@link CallerLanguage}). */
    public static <T> T of(Class<T> bundle) {
        return in(bundle, CallerLanguage.current());
    }

    public static <T> T in(Class<T> bundle, Language language) {
        if (io.quarkus.arc.Arc.container() == null) {
            return CatalogueFiles.read(bundle, language); // a plain unit test, without the application: the same files
        }
        return MessageBundles.get(bundle, Localized.Literal.of(language.code()));
    }

    /**
     * Every word of a bundle as a page reads it: a message with parameters keeps them as {@code {0}}, {@code {1}}…
     * in the order of the method's parameters (the page fills them in); a message about one enum (a reason, a status)
     * becomes an object of its constants' words under the message's name.
     */
    public static Map<String, Object> forPage(Class<?> bundle, Language language) {
        Object words = in(bundle, language);
        Map<String, Object> page = new LinkedHashMap<>();
        for (Method message : messages(bundle)) {
            Class<?>[] parameters = message.getParameterTypes();
            if (parameters.length == 1 && parameters[0].isEnum()) {
                Map<String, String> byConstant = new LinkedHashMap<>();
                for (Object constant : parameters[0].getEnumConstants()) {
                    byConstant.put(((Enum<?>) constant).name(), (String) invoke(words, message, constant));
                }
                page.put(message.getName(), byConstant);
            } else {
                Object[] placeholders = new Object[parameters.length];
                for (int i = 0; i < parameters.length; i++) {
                    placeholders[i] = "{" + i + "}";
                }
                page.put(message.getName(), invoke(words, message, placeholders));
            }
        }
        return page;
    }

    /** A message without parameters found by its name (a bean-validation annotation's {@code {key}}), in a language. */
    public static Optional<String> byKey(List<Class<?>> bundles, String key, Language language) {
        for (Class<?> bundle : bundles) {
            for (Method message : messages(bundle)) {
                if (message.getName().equals(key) && message.getParameterCount() == 0) {
                    return Optional.of((String) invoke(in(bundle, language), message));
                }
            }
        }
        return Optional.empty();
    }

    /** The messages a bundle declares, by name. */
    public static List<Method> messages(Class<?> bundle) {
        return Arrays.stream(bundle.getMethods())
                .filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() == String.class)
                .sorted(Comparator.comparing(Method::getName)).toList();
    }

    private static Object invoke(Object words, Method message, Object... arguments) {
        try {
            return message.invoke(words, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("message " + message + " cannot be called", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("message " + message + " failed", e.getCause());
        }
    }
}
