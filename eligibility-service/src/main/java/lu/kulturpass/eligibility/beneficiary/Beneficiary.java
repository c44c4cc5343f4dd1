package lu.kulturpass.eligibility.beneficiary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.words.Words;

/**
 * A person an agency enrols, one member of a household's enrolment. Only this service knows their
 * name and birth date; everywhere else they are this random id.
 */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    /** Normalised name and birth date, to recognise the person across agencies ({@link PersonKey}). */
    @Column(name = "person_key")
    public String personKey;

    /** True while this person holds an active pass through this enrolment (one at a time, programme-wide). */
    @Column(name = "holds_pass", nullable = false)
    public boolean holdsPass;

    /** The person was already enrolled elsewhere: the only thing this agency learns about it. */
    @Column(name = "enrolled_elsewhere", nullable = false)
    public boolean enrolledElsewhere;

    @Column(name = "pass_id")
    public Long passId;

    @Column(name = "pass_number")
    public String passNumber;

    @Column(name = "enrolled_at", nullable = false)
    public OffsetDateTime enrolledAt;

    @Column(name = "enrolled_by", nullable = false)
    public String enrolledBy;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The pass category: children under 18, adults otherwise. */
    public String category(LocalDate day) {
        return ageOn(day) < 18 ? "CHILD" : "ADULT";
    }

    public String ageBand(LocalDate day) {
        return birthDate == null ? null : AgeBand.of(ageOn(day));
    }

    public String initials() {
        return HolderInitials.of(firstName, lastName);
    }

    public static List<Beneficiary> members(UUID enrolmentId) {
        return list("enrolmentId = ?1 order by birthDate, id", enrolmentId);
    }

    /** The members of many enrolments (one query), each enrolment's in the order of {@link #members(UUID)}. */
    public static Map<UUID, List<Beneficiary>> members(Collection<UUID> enrolmentIds) {
        Map<UUID, List<Beneficiary>> members = new HashMap<>();
        if (!enrolmentIds.isEmpty()) {
            Beneficiary.<Beneficiary>list("enrolmentId in ?1 order by birthDate, id", enrolmentIds)
                    .forEach(member -> members.computeIfAbsent(member.enrolmentId, id -> new ArrayList<>()).add(member));
        }
        return members;
    }

    /** The agency's own beneficiary: 404 if unknown, 403 if another agency's. */
    public static Beneficiary ofAgency(String agencyId, UUID id) {
        Beneficiary beneficiary = findById(id);
        if (beneficiary == null) {
            throw ProblemException.notFound(Words.of(RefusalWords.class).beneficiaryNotFound(String.valueOf(id)));
        }
        if (!beneficiary.agencyId.equals(agencyId)) {
            throw ProblemException.forbidden(Words.of(RefusalWords.class).beneficiaryOfAnotherAgency());
        }
        return beneficiary;
    }
}
