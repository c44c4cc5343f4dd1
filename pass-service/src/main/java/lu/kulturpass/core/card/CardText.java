package lu.kulturpass.core.card;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lu.kulturpass.core.pass.PassWords;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.token.PassCategory;

/**
 * What a card says, in one of the programme's {@link Language}s: its labels ({@link CardWords}), its dates and what the
 * door needs to know beyond the name.
 */
public record CardText(Language language, CardWords words) {

    /** A card's language when the request names none the programme speaks: the cards are French first. */
    public static final Language DEFAULT = Language.FR;

    public static CardText in(Language language) {
        return new CardText(language, Words.in(CardWords.class, language));
    }

    /**
     * The language asked for: the explicit code if given (a 400 listing ours if it is not one of them), else the first
     * of the request's acceptable languages we speak, else {@link #DEFAULT}.
     */
    public static CardText choose(String explicit, List<Locale> acceptable) {
        return in(Language.chosen(explicit, () -> Language.firstOf(acceptable, DEFAULT)));
    }

    public String code() {
        return language.code();
    }

    public String validity(LocalDate from, LocalDate until) {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(words.cardDatePattern(), language.locale());
        return words.cardValidity(dates.format(from), dates.format(until));
    }

    /** What the door needs to know beyond the name: "Child", "Group of 12 people"; empty for an adult. */
    public Optional<String> category(PassCategory category, int groupSize) {
        return switch (category) {
            case ADULT -> Optional.empty();
            case CHILD -> Optional.of(words.cardChild());
            case COLLECTIVE -> Optional.of(words.cardGroup(String.valueOf(groupSize)));
        };
    }

    /** The card as printed in this language. */
    public CardFace face(CardContent card) {
        return new CardFace(card, words.cardNameLabel(), words.cardNumberLabel(), words.cardValidityLabel(),
                validity(card.validFrom(), card.validUntil()), category(card.category(), card.groupSize()), words.cardNotice());
    }

    /** A pass's status in the words of the caller (a problem's detail). */
    static String status(lu.kulturpass.core.pass.PassStatus status) {
        return Words.of(PassWords.class).passStatus(status);
    }
}
