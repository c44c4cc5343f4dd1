package lu.kulturpass.platform.words;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.problem.ProblemWords;

/**
 * The languages the programme speaks: French, German, English and Luxembourgish. Every catalogue of words has all four
 * ({@code WordsCatalogueTest} in each service fails otherwise).
 */
public enum Language {
    FR, DE, EN, LB;

    /** The language of an answer when the caller names none we speak (an API client, a test). */
    public static final Language DEFAULT = EN;

    /** The two-letter code used in {@code Accept-Language}, links and the catalogues' file names. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String language = code.trim().toLowerCase(Locale.ROOT);
        int region = language.indexOf('-');
        String primary = region < 0 ? language : language.substring(0, region);
        return Arrays.stream(values()).filter(l -> l.code().equals(primary)).findFirst();
    }

    /** The first of the caller's acceptable languages we speak, else {@link #DEFAULT}. */
    public static Language firstOf(List<Locale> acceptable) {
        return firstOf(acceptable, DEFAULT);
    }

    /** The first of the caller's acceptable languages we speak, else {@code fallback}. */
    public static Language firstOf(List<Locale> acceptable, Language fallback) {
        return acceptable.stream().map(l -> byCode(l.getLanguage())).flatMap(Optional::stream).findFirst().orElse(fallback);
    }

    /**
     * The language a request names explicitly (a card's, an export's), a 400 listing ours if we do not speak it; without
     * one, {@code otherwise}.
     */
    public static Language chosen(String explicit, Supplier<Language> otherwise) {
        if (explicit == null || explicit.isBlank()) {
            return otherwise.get();
        }
        return byCode(explicit).orElseThrow(() -> ProblemException.badRequest(
                Words.of(ProblemWords.class).languageUnknown(explicit.strip(), codes())));
    }

    /** "fr, de, en, lb": for a sentence that lists them. */
    public static String codes() {
        return Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "));
    }
}
