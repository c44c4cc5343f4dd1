package lu.kulturpass.core.card;

import java.util.Optional;

/**
 * One card as it is printed: its content and every word on it in the card's language ({@link CardText#face}). The
 * renderer draws it without knowing languages.
 */
public record CardFace(CardContent content, String nameLabel, String numberLabel, String validityLabel, String validity,
                       Optional<String> category, String notice) {

    @Override
    public String toString() {
        return "CardFace[" + content + "]"; // no name in logs or exception messages
    }
}
