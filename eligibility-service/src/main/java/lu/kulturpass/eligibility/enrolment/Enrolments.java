package lu.kulturpass.eligibility.enrolment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.beneficiary.PersonKey;
import lu.kulturpass.platform.problem.ProblemException;

/** Enrols households (as a draft or submitted) and submits drafts; a duplicate person sends it to review. */
@ApplicationScoped
public class Enrolments {

    private final EnrolmentEvents events;
    private final Duplicates duplicates;

    public Enrolments(EnrolmentEvents events, Duplicates duplicates) {
        this.events = events;
        this.duplicates = duplicates;
    }

    public Enrolment enrol(String agencyId, EnrolRequest request, String userId) {
        return QuarkusTransaction.requiringNew().call(() -> create(agencyId, request, userId));
    }

    /** In the caller's transaction (the CSV import enrols many households in one). */
    public Enrolment create(String agencyId, EnrolRequest request, String userId) {
        for (int i = 0; i < request.members().size(); i++) {
            if (request.members().get(i).birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
                throw ProblemException.badRequest("members[" + i + "].birthDate: must be after 1900-01-01");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.agencyId = agencyId;
        enrolment.status = EnrolmentStatus.DRAFT;
        enrolment.householdSituation = request.householdSituation();
        enrolment.municipality = request.municipality() == null || request.municipality().isBlank() ? null : request.municipality().strip();
        enrolment.createdAt = now;
        enrolment.createdBy = userId;
        enrolment.persist();
        List<Beneficiary> members = new ArrayList<>();
        for (EnrolRequest.Member m : request.members()) {
            Beneficiary member = new Beneficiary();
            member.id = UUID.randomUUID();
            member.enrolmentId = enrolment.id;
            member.agencyId = agencyId;
            member.firstName = m.firstName().strip();
            member.lastName = m.lastName().strip();
            member.birthDate = m.birthDate();
            member.personKey = PersonKey.of(member.firstName, member.lastName, member.birthDate);
            member.enrolledAt = now;
            member.enrolledBy = userId;
            member.persist();
            members.add(member);
        }
        if (!request.draft()) {
            submit(enrolment, members, userId);
        }
        return enrolment;
    }

    public Enrolment submit(String agencyId, UUID id, String userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Enrolment enrolment = Enrolment.ofAgency(agencyId, id);
            if (enrolment.status != EnrolmentStatus.SUBMITTED) {
                submit(enrolment, Beneficiary.members(id), userId);
            }
            return enrolment;
        });
    }

    private void submit(Enrolment enrolment, List<Beneficiary> members, String userId) {
        enrolment.moveTo(EnrolmentStatus.SUBMITTED);
        enrolment.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
        boolean elsewhere = duplicates.flag(members);
        for (Beneficiary member : members) {
            if (!member.enrolledElsewhere) {
                events.announce("submitted", enrolment, member);
            }
        }
        if (elsewhere) {
            enrolment.moveTo(EnrolmentStatus.NEEDS_REVIEW);
            Decision review = new Decision();
            review.enrolmentId = enrolment.id;
            review.outcome = EnrolmentStatus.NEEDS_REVIEW;
            review.reasonCodes = ReasonCode.ALREADY_ENROLLED_ELSEWHERE.name();
            review.decidedBy = "system";
            review.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
            review.persist();
            events.announceAll("review-requested", enrolment);
        }
    }

    public Enrolment ofAgency(String agencyId, UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Enrolment.ofAgency(agencyId, id));
    }

    public List<Enrolment> ofAgency(String agencyId, EnrolmentStatus status) {
        return QuarkusTransaction.joiningExisting().call(() -> status == null
                ? Enrolment.<Enrolment>list("agencyId = ?1 and erasedAt is null order by createdAt desc", agencyId)
                : Enrolment.<Enrolment>list("agencyId = ?1 and status = ?2 and erasedAt is null order by createdAt desc", agencyId, status));
    }
}
