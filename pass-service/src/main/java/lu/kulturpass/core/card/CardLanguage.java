package lu.kulturpass.core.card;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.token.PassCategory;

/**
 * The languages a card and the mobile card page are written in, with their labels from the
 * {@code i18n/card*.properties} bundles (English is the base bundle).
 */
public enum CardLanguage {
    FR(Locale.FRENCH), DE(Locale.GERMAN), EN(Locale.ENGLISH);

    /** The language when the request names none the card is written in. */
    public static final CardLanguage DEFAULT = FR;

    private final Locale locale;
    private final Map<String, String> labels;
    private final DateTimeFormatter dates;

    CardLanguage(Locale locale) {
        this.locale = locale;
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.card", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.labels = bundle.keySet().stream().collect(Collectors.toUnmodifiableMap(k -> k, bundle::getString));
        this.dates = DateTimeFormatter.ofPattern(labels.get("date.pattern"), locale);
    }

    /** The two-letter code used in requests and links: {@code fr}, {@code de}, {@code en}. */
    public String code() {
        return locale.getLanguage();
    }

    public String label(String key) {
        String text = labels.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no card label " + key);
        }
        return text;
    }

    /** Every label, for templates. */
    public Map<String, String> labels() {
        return labels;
    }

    public String validity(LocalDate from, LocalDate until) {
        return label("validity").replace("{0}", dates.format(from)).replace("{1}", dates.format(until));
    }

    /** What the door needs to know beyond the name: "Child", "Group of 12 people"; empty for an adult. */
    public Optional<String> category(PassCategory category, int groupSize) {
        return switch (category) {
            case ADULT -> Optional.empty();
            case CHILD -> Optional.of(label("category.CHILD"));
            case COLLECTIVE -> Optional.of(label("category.COLLECTIVE").replace("{0}", String.valueOf(groupSize)));
        };
    }

    /**
     * The language asked for: the explicit code if given (a 400 if it is not one of ours), else the
     * first of the request's acceptable languages we write, else {@link #DEFAULT}.
     */
    public static CardLanguage choose(String explicit, List<Locale> acceptable) {
        if (explicit != null && !explicit.isBlank()) {
            return byCode(explicit.trim()).orElseThrow(() -> ProblemException.badRequest(
                    "language '" + explicit + "' is not available; use one of " + codes()));
        }
        return acceptable.stream().map(l -> byCode(l.getLanguage())).flatMap(Optional::stream)
                .findFirst().orElse(DEFAULT);
    }

    static Optional<CardLanguage> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(CardLanguage::code).toList();
    }
}
