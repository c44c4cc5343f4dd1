package lu.kulturpass.core.partner;

import lu.kulturpass.platform.words.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/** Drafts, amends, moves and renews agreements; every change is recorded and published. */
@ApplicationScoped
public class Agreements {

    private final PartnerChanges changes;
    private final ProgrammeCalendar calendar;

    public Agreements(PartnerChanges changes, ProgrammeCalendar calendar) {
        this.changes = changes;
        this.calendar = calendar;
    }

    @Transactional
    public Agreement draft(UUID partnerId, AgreementTerms terms, String actor) {
        Partner partner = Partner.findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
        if (partner == null) {
            throw ProblemException.notFound(words().partnerNotFound(String.valueOf(partnerId)));
        }
        terms.requireConsistentFor(partner.kind);
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.partner = partner;
        agreement.status = AgreementStatus.DRAFT;
        terms.applyTo(agreement);
        agreement.createdAt = calendar.nowUtc();
        agreement.updatedAt = agreement.createdAt;
        agreement.persist();
        partner.agreements.add(agreement);
        changes.record(partner, agreement.id, "agreement.drafted", actor, null, AgreementView.of(agreement));
        return agreement;
    }

    /** Terms change while the agreement is a draft; contact details at any time before it ends. */
    @Transactional
    public Agreement amend(UUID id, AgreementTerms terms, String actor) {
        Agreement agreement = locked(id);
        AgreementView before = AgreementView.of(agreement);
        if (agreement.status != AgreementStatus.DRAFT) {
            throw ProblemException.conflict(words().agreementTermsFixed(words().agreementStatus(agreement.status)));
        }
        terms.requireConsistentFor(agreement.partner.kind);
        terms.applyTo(agreement);
        agreement.updatedAt = calendar.nowUtc();
        changes.record(agreement.partner, agreement.id, "agreement.amended", actor, before, AgreementView.of(agreement));
        return agreement;
    }

    @Transactional
    public Agreement move(UUID id, AgreementTransition transition, String actor) {
        Agreement agreement = locked(id);
        if (!transition.allowedFrom(agreement.status)) {
            PartnerWords words = words();
            List<AgreementTransition> allowed = AgreementTransition.requestableFrom(agreement.status);
            throw ProblemException.conflict(words.agreementMoveNotAllowed(words.agreementStatus(agreement.status),
                    words.agreementTransition(transition), allowed.isEmpty() ? words.nothingAllowed()
                            : String.join(", ", allowed.stream().map(words::agreementTransition).toList())));
        }
        if (transition == AgreementTransition.ACTIVATE) {
            requireActivatable(agreement);
        }
        AgreementView before = AgreementView.of(agreement);
        agreement.status = transition.target();
        agreement.updatedAt = calendar.nowUtc();
        changes.record(agreement.partner, agreement.id, "agreement." + transition.target().name().toLowerCase(Locale.ROOT),
                actor, before, AgreementView.of(agreement));
        return agreement;
    }

    /** Drafts the successor: same terms, validity from the day after this one ends (or today) to {@code until}. */
    @Transactional
    public Agreement renew(UUID id, LocalDate until, String actor) {
        Agreement old = locked(id);
        if (old.status == AgreementStatus.DRAFT || old.status == AgreementStatus.TERMINATED) {
            throw ProblemException.conflict(words().agreementNotRenewable(words().agreementStatus(old.status)));
        }
        LocalDate from = later(old.validUntil.plusDays(1), calendar.today());
        if (until == null || until.isBefore(from)) {
            throw ProblemException.badRequest(words().renewalUntilTooEarly(from.toString()));
        }
        Agreement successor = draft(old.partner.id, new AgreementTerms(old.benefit,
                old.priceCents == null ? null : java.math.BigDecimal.valueOf(old.priceCents, 2), old.placesPerEvent,
                old.acceptedCategories, from, until, null, old.contactName, old.contactEmail, old.contactPhone), actor);
        successor.renewedFrom = old.id;
        return successor;
    }

    /**
     * Ends the agreements whose last day has passed; returns how many. Every replica runs it: each agreement is read again
     * under its row lock, and one another replica's run expired meanwhile is passed over.
     */
    @Transactional
    public int expireDue(LocalDate today) {
        List<UUID> due = Agreement.<Agreement>list("validUntil < ?1 and status in ?2 order by id", today,
                List.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED)).stream().map(agreement -> agreement.id).toList();
        int expired = 0;
        for (UUID id : due) {
            Agreement agreement = locked(id);
            Agreement.getEntityManager().refresh(agreement, LockModeType.PESSIMISTIC_WRITE);
            if (agreement.validUntil.isBefore(today) && AgreementTransition.EXPIRE.allowedFrom(agreement.status)) {
                move(id, AgreementTransition.EXPIRE, "system:expiry");
                expired++;
            }
        }
        return expired;
    }

    private void requireActivatable(Agreement agreement) {
        if (agreement.signedOn == null) {
            throw ProblemException.conflict(words().agreementUnsigned());
        }
        if (agreement.validUntil.isBefore(calendar.today())) {
            throw ProblemException.conflict(words().agreementEnded(agreement.validUntil.toString()));
        }
        for (Agreement other : agreement.partner.agreements) {
            boolean inForce = other.status == AgreementStatus.ACTIVE || other.status == AgreementStatus.SUSPENDED;
            if (!other.id.equals(agreement.id) && inForce && other.overlaps(agreement)) {
                throw ProblemException.conflict(words().agreementOverlap(other.id.toString(), other.validFrom.toString(),
                        other.validUntil.toString()));
            }
        }
    }

    /** The problems are said in the caller's language. */
    private static PartnerWords words() {
        return Words.of(PartnerWords.class);
    }

    private static Agreement locked(UUID id) {
        Agreement agreement = Agreement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (agreement == null) {
            throw ProblemException.notFound(words().agreementNotFound(String.valueOf(id)));
        }
        return agreement;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
