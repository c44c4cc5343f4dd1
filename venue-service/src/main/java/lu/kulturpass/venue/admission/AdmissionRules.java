package lu.kulturpass.venue.admission;

import java.time.LocalDate;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.venue.partner.CallerVenue;

/**
 * The rules a card must pass before places are considered, decided on the {@link ScanFacts} read in
 * the scan's transaction: the card readable, its validity on the scan's day, its standing in the local
 * copy of pass events, the venue's agreement in force and the categories it accepts (which sets the
 * price), the performance (of this venue, not cancelled, on the scan's day; required unless the agreement gives free
 * entry per day, as museums do), once per performance (or per day without one), then the places left
 * ({@link #placesFor}, applied by {@link AdmissionDesk} to the batch). The rule book, every case in this order with the
 * reason it gets, is src/test/resources/lu/kulturpass/venue/admission/rule-book.json: AdmissionRulesBookTest runs it here,
 * ScannerRuleBookTest against the scanner page's offline rules.
 */
final class AdmissionRules {

    private AdmissionRules() {
    }

    /**
     * Why the scan is not the caller's to make, if it is not: a venue the partner topic never named, or another venue's
     * performance. Such a scan is refused (403) and records nothing; the facts were read anyway, so checking costs no query.
     */
    static ProblemException notTheCallers(Admission admission, ScanFacts facts) {
        if (!facts.venueKnown()) {
            return CallerVenue.unknownVenue();
        }
        return facts.performanceElsewhere(admission) ? CallerVenue.performanceElsewhere(admission.performanceId) : null;
    }

    /** The verdict for the scan; completes the admission (category, group size, agreement, price). */
    static Reason judge(Admission admission, Card card, ScanFacts facts) {
        if (!card.readable()) {
            return card.refusal();
        }
        admission.category = card.category();
        admission.groupSize = card.groupSize();
        Reason reason = dates(card, admission.scanDay);
        if (reason == null && facts.standing() != null) {
            reason = Reason.ofStanding(facts.standing());
        }
        if (reason == null) {
            reason = agreement(admission, card, facts);
        }
        if (reason == null && facts.alreadyAdmitted()) {
            reason = alreadyUsedReason(admission);
        }
        return reason == null ? Reason.VALID : reason;
    }

    private static Reason dates(Card card, LocalDate day) {
        if (card.validFrom() != null && day.isBefore(card.validFrom())) {
            return Reason.NOT_YET_VALID;
        }
        if (card.validUntil() != null && day.isAfter(card.validUntil())) {
            return Reason.EXPIRED;
        }
        return null;
    }

    /** The agreement must accept the category; sets the price; then the performance rule. */
    private static Reason agreement(Admission admission, Card card, ScanFacts facts) {
        if (!facts.agreementInForce()) {
            return Reason.NO_AGREEMENT;
        }
        if (!facts.accepts(card.category())) {
            return Reason.CATEGORY_NOT_ACCEPTED;
        }
        if (admission.performanceId != null) {
            if (!admission.venueId.equals(facts.performanceVenueId())) {
                return Reason.UNKNOWN_PERFORMANCE;
            }
            if (!"SCHEDULED".equals(facts.performanceStatus())) {
                return Reason.PERFORMANCE_CANCELLED;
            }
            if (!facts.performanceIsOn(admission.scanDay, admission.scannedAt)) {
                return Reason.PERFORMANCE_NOT_TODAY;
            }
        } else if (!facts.freeEntry()) {
            return Reason.PERFORMANCE_REQUIRED;
        }
        admission.agreementId = facts.agreementId();
        admission.priceCents = facts.priceCentsPerPerson() * card.groupSize();
        return null;
    }

    /**
     * The last rule, for a scan the others admit that names a performance: the places left must seat what is asked
     * (the group size; a batch asks for all its scans of the performance at once), else {@link Reason#SOLD_OUT}.
     */
    static boolean placesFor(int asked, int placesLeft) {
        return asked <= placesLeft;
    }

    static Reason alreadyUsedReason(Admission admission) {
        return admission.performanceId != null ? Reason.ALREADY_ADMITTED : Reason.ALREADY_ADMITTED_TODAY;
    }
}
