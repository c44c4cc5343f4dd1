package lu.kulturpass.eligibility.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.eligibility.words.AgencyWords;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.programme.HouseholdSituation;
import lu.kulturpass.platform.words.Words;

/** One household's enrolment with an agency: its members are {@code Beneficiary} rows. */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrolmentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "household_situation")
    public HouseholdSituation householdSituation;

    public String municipality;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    /** When it was rejected or expired: the retention period counts from here. */
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    /** Moves along the state machine, or a 409 naming what is allowed from here. */
    public void moveTo(EnrolmentStatus target) {
        if (!status.canMoveTo(target)) {
            AgencyWords words = Words.of(AgencyWords.class);
            throw ProblemException.conflict(Words.of(RefusalWords.class).cannotBecome(words.enrolmentStatus(status),
                    words.enrolmentStatus(target), status.allowedMovesInWords()));
        }
        status = target;
    }

    /** The agency's own enrolment: 404 if unknown, 403 if another agency's. */
    public static Enrolment ofAgency(String agencyId, UUID id) {
        return check(agencyId, id, findById(id));
    }

    /** The same, locked for update until the transaction ends. */
    public static Enrolment lockedOfAgency(String agencyId, UUID id) {
        return check(agencyId, id, findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The agency's own enrolments among {@code ids}, locked for update (one query, in id order), keyed
     * in the order of {@code ids}; an unknown or another agency's id goes to {@code refused} with its 404 or 403.
     */
    public static Map<UUID, Enrolment> lockedOfAgency(String agencyId, Collection<UUID> ids, Map<UUID, ProblemException> refused) {
        return ofAgency(agencyId, ids, refused, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** The agency's own enrolments among {@code ids} (one query), in their order: 404 or 403 for the first that is not. */
    public static List<Enrolment> ofAgency(String agencyId, Collection<UUID> ids) {
        Map<UUID, ProblemException> refused = new LinkedHashMap<>();
        Map<UUID, Enrolment> found = ofAgency(agencyId, ids, refused, jakarta.persistence.LockModeType.NONE);
        if (!refused.isEmpty()) {
            throw refused.values().iterator().next();
        }
        return List.copyOf(found.values());
    }

    private static Map<UUID, Enrolment> ofAgency(String agencyId, Collection<UUID> ids, Map<UUID, ProblemException> refused,
                                                 jakarta.persistence.LockModeType lock) {
        Map<UUID, Enrolment> found = new HashMap<>();
        if (!ids.isEmpty()) {
            Enrolment.<Enrolment>find("id in ?1 order by id", ids).withLock(lock)
                    .list().forEach(enrolment -> found.put(enrolment.id, enrolment));
        }
        Map<UUID, Enrolment> locked = new LinkedHashMap<>();
        for (UUID id : ids) {
            try {
                locked.put(id, check(agencyId, id, found.get(id)));
            } catch (ProblemException problem) {
                refused.put(id, problem);
            }
        }
        return locked;
    }

    private static Enrolment check(String agencyId, UUID id, Enrolment enrolment) {
        if (enrolment == null) {
            throw ProblemException.notFound(Words.of(RefusalWords.class).enrolmentNotFound(String.valueOf(id)));
        }
        if (!enrolment.agencyId.equals(agencyId)) {
            throw ProblemException.forbidden(Words.of(RefusalWords.class).enrolmentOfAnotherAgency());
        }
        return enrolment;
    }
}
