package lu.kulturpass.venue.admission;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.token.PassNumber;

/** Turns a recorded admission (and the card it was for) into the answer shown at the door, in one language. */
@ApplicationScoped
public class Answers {

    private final Duration undoWindow;

    public Answers(AdmissionConfig config) {
        this.undoWindow = config.undoWindow();
    }

    public Duration undoWindow() {
        return undoWindow;
    }

    /** Until when staff may undo this admission; null when it cannot be undone. */
    public OffsetDateTime undoableUntil(Admission admission) {
        return admission.admitted() && admission.recordedAt != null ? admission.recordedAt.plus(undoWindow) : null;
    }

    /** The answer in a language: the caller's, taken while the request is read ({@code CallerLanguage}). */
    ScanAnswer of(Admission admission, Card card, Language language) {
        boolean holder = card.readable() && !card.typed();
        return new ScanAnswer(admission.id, admission.admitted(), admission.reason,
                Words.in(AdmissionWords.class, language).reason(admission.reason),
                admission.passId == null ? null : PassNumber.format(admission.passId),
                card.readable() ? card.category() : admission.category,
                card.readable() ? card.groupSize() : admission.groupSize,
                holder ? new ScanAnswer.HolderCheck(card.initials(), card.birthYear()) : null,
                card.readable() ? (holder ? "ANSWER" : "CARD") : null,
                card.readable() ? card.validUntil() : null,
                admission.priceCents == null ? null : BigDecimal.valueOf(admission.priceCents, 2),
                admission.priceCents == null ? null : "EUR",
                admission.scannedAt, admission.performanceId, undoableUntil(admission),
                admission.offline ? Boolean.TRUE : null, admission.doubleUse ? Boolean.TRUE : null, admission.undoneAt);
    }
}
