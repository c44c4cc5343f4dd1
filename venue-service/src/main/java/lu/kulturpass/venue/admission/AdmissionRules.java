package lu.kulturpass.venue.admission;

import java.time.LocalDate;
import java.util.Optional;
import lu.kulturpass.venue.partner.Agreement;
import lu.kulturpass.venue.partner.Venue;
import lu.kulturpass.venue.pass.PassStanding;
import lu.kulturpass.venue.performance.Performance;
import lu.kulturpass.venue.performance.PerformanceStatus;

/**
 * The rules a card must pass before places and "once" are considered, all read from venue-service's
 * own tables inside the scan's transaction: the card readable, its validity on the scan's day, its
 * standing in the local copy of pass events, the venue's agreement in force and the categories it
 * accepts (which sets the price), and the performance (scheduled, at this venue; required unless the
 * agreement gives free entry per day, as museums do).
 */
final class AdmissionRules {

    /** The verdict, the card completed (a typed number with its category and validity), and the performance. */
    record Verdict(Reason reason, Card card, Performance performance) {
    }

    private AdmissionRules() {
    }

    static Verdict judge(Admission admission, Card card, LocalDate day) {
        if (!card.readable()) {
            return new Verdict(card.refusal(), card, null);
        }
        PassStanding standing = PassStanding.findById(card.passId());
        Card completed = card.typed() ? card.withStanding(standing) : card;
        admission.category = completed.category();
        admission.groupSize = completed.groupSize();
        if (!completed.readable()) {
            return new Verdict(completed.refusal(), completed, null);
        }
        Reason reason = dates(completed, day);
        if (reason == null && standing != null) {
            reason = Reason.ofStanding(standing.status);
        }
        Performance performance = admission.performanceId == null ? null : Performance.findById(admission.performanceId);
        if (reason == null) {
            reason = agreement(admission, completed, day, performance);
        }
        return new Verdict(reason == null ? Reason.VALID : reason, completed, performance);
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
    private static Reason agreement(Admission admission, Card card, LocalDate day, Performance performance) {
        Venue venue = Venue.findById(admission.venueId);
        Optional<Agreement> inForce = venue == null ? Optional.empty() : Agreement.inForce(venue.partnerId, day);
        if (inForce.isEmpty()) {
            return Reason.NO_AGREEMENT;
        }
        Agreement agreement = inForce.get();
        if (!agreement.accepts(card.category())) {
            return Reason.CATEGORY_NOT_ACCEPTED;
        }
        if (admission.performanceId != null) {
            if (performance == null || !performance.venueId.equals(admission.venueId)) {
                return Reason.UNKNOWN_PERFORMANCE;
            }
            if (performance.status == PerformanceStatus.CANCELLED) {
                return Reason.PERFORMANCE_CANCELLED;
            }
        } else if (!Agreement.FREE_ENTRY.equals(agreement.benefit)) {
            return Reason.PERFORMANCE_REQUIRED;
        }
        admission.agreementId = agreement.id;
        admission.priceCents = agreement.priceCentsPerPerson() * card.groupSize();
        return null;
    }

    /**
     * Whether the pass was already admitted (not undone) for the performance, or for the day without one.
     * Native SQL whose conditions repeat the partial unique indexes' predicates word for word, so
     * PostgreSQL answers from those indexes even with a generic plan (a bound parameter for the
     * outcome would not match the predicate and scan the venue's admissions).
     */
    static boolean alreadyAdmitted(Admission admission) {
        var query = admission.performanceId != null
                ? Admission.getEntityManager().createNativeQuery("select count(*) from admission where performance_id = ?1 and pass_id = ?2 "
                        + "and outcome = 'ADMITTED' and performance_id is not null and undone_at is null and not double_use")
                        .setParameter(1, admission.performanceId).setParameter(2, admission.passId)
                : Admission.getEntityManager().createNativeQuery("select count(*) from admission where venue_id = ?1 and pass_id = ?2 "
                        + "and scan_day = ?3 and outcome = 'ADMITTED' and performance_id is null and undone_at is null and not double_use")
                        .setParameter(1, admission.venueId).setParameter(2, admission.passId).setParameter(3, admission.scanDay);
        return ((Number) query.getSingleResult()).longValue() > 0;
    }

    static Reason alreadyUsedReason(Admission admission) {
        return admission.performanceId != null ? Reason.ALREADY_ADMITTED : Reason.ALREADY_ADMITTED_TODAY;
    }
}
