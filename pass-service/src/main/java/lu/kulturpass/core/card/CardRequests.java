package lu.kulturpass.core.card;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the card endpoints. Names travel in bodies, never in URLs or access logs. */
final class CardRequests {

    private CardRequests() {
    }

    /** {@code POST /passes/{id}/card.pdf}: the name to print and the card's language (fr, de, en, lb). */
    record Card(String holderName, String language) {
    }

    /** {@code POST /cards/sheet.pdf}: one to ten cards in one language. */
    record Sheet(String language,
                 @NotNull(message = "{cardSheetCardsMissing}")
                 @Size(min = 1, max = CardRenderer.SHEET_CAPACITY,
                         message = "{cardSheetSize}")
                 List<@Valid @NotNull(message = "{cardSheetCardIncomplete}") SheetCard> cards) {
    }

    record SheetCard(@NotNull(message = "{cardSheetPassIdMissing}") Long passId, String holderName) {
    }

    /** {@code POST /passes/{id}/card-link}: optional name to put in the link's fragment, and language. */
    record Link(String holderName, String language) {
    }
}
