package lu.kulturpass.eligibility.enrolment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.beneficiary.PersonKey;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;

/** Enrols households (as a draft or submitted) and submits drafts; a duplicate person sends it to review. */
@ApplicationScoped
public class Enrolments {

    private final EnrolmentEvents events;
    private final Duplicates duplicates;
    private final ProgrammeCalendar calendar;

    public Enrolments(EnrolmentEvents events, Duplicates duplicates, ProgrammeCalendar calendar) {
        this.events = events;
        this.duplicates = duplicates;
        this.calendar = calendar;
    }

    public Enrolment enrol(String agencyId, EnrolRequest request, String userId) {
        return QuarkusTransaction.requiringNew().call(() -> create(agencyId, request, userId));
    }

    /** In the caller's transaction. */
    public Enrolment create(String agencyId, EnrolRequest request, String userId) {
        return createAll(agencyId, List.of(request), userId).get(0);
    }

    /**
     * Many households in the caller's transaction (the CSV import enrols a chunk of its list in one):
     * one query looks for every member's key held elsewhere, the rows are inserted in JDBC batches and
     * the events written to the outbox at once. Answers the enrolments in the order of the requests.
     */
    public List<Enrolment> createAll(String agencyId, List<EnrolRequest> requests, String userId) {
        for (EnrolRequest request : requests) {
            for (int i = 0; i < request.members().size(); i++) {
                if (request.members().get(i).birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
                    throw ProblemException.badRequest(Words.of(RefusalWords.class).birthDateBefore1900(String.valueOf(i + 1)));
                }
            }
        }
        OffsetDateTime now = calendar.nowUtc();
        Map<Enrolment, List<Beneficiary>> households = new LinkedHashMap<>();
        for (EnrolRequest request : requests) {
            Enrolment enrolment = new Enrolment();
            enrolment.id = UUID.randomUUID();
            enrolment.agencyId = agencyId;
            enrolment.status = EnrolmentStatus.DRAFT;
            enrolment.householdSituation = request.householdSituation();
            enrolment.municipality = request.municipality() == null || request.municipality().isBlank() ? null : request.municipality().strip();
            enrolment.createdAt = now;
            enrolment.createdBy = userId;
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
                members.add(member);
            }
            households.put(enrolment, members);
        }
        List<Enrolment> created = new ArrayList<>(households.keySet());
        Map<Enrolment, List<Beneficiary>> submitted = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            if (!requests.get(i).draft()) {
                submitted.put(created.get(i), households.get(created.get(i)));
            }
        }
        // looked up before the new rows are persisted (the query would flush them); inserted table by table, in batches
        duplicates.flag(submitted.values().stream().flatMap(List::stream).toList());
        List<Enrolment> toReview = submit(submitted);
        created.forEach(enrolment -> enrolment.persist());
        households.values().forEach(members -> members.forEach(member -> member.persist()));
        review(toReview, submitted);
        return created;
    }

    public Enrolment submit(String agencyId, UUID id, String userId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Enrolment enrolment = Enrolment.ofAgency(agencyId, id);
            if (enrolment.status != EnrolmentStatus.SUBMITTED) {
                List<Beneficiary> members = Beneficiary.members(id);
                duplicates.flag(members);
                review(submit(Map.of(enrolment, members)), Map.of(enrolment, members));
            }
            return enrolment;
        });
    }

    /**
     * Submits households whose members are flagged already ({@link Duplicates#flag}) and announces
     * them; answers those with a member held elsewhere, which {@link #review} sends to review.
     */
    private List<Enrolment> submit(Map<Enrolment, List<Beneficiary>> households) {
        OffsetDateTime now = calendar.nowUtc();
        List<EnrolmentEvents.Announcement> submitted = new ArrayList<>();
        List<Enrolment> toReview = new ArrayList<>();
        households.forEach((enrolment, members) -> {
            enrolment.moveTo(EnrolmentStatus.SUBMITTED);
            enrolment.submittedAt = now;
            for (Beneficiary member : members) {
                if (!member.enrolledElsewhere) {
                    submitted.add(new EnrolmentEvents.Announcement(enrolment, member));
                }
            }
            if (members.stream().anyMatch(member -> member.enrolledElsewhere)) {
                toReview.add(enrolment);
            }
        });
        events.announce("submitted", submitted);
        return toReview;
    }

    /** Sends the households to review (a person enrolled elsewhere), once their rows are persisted. */
    private void review(List<Enrolment> toReview, Map<Enrolment, List<Beneficiary>> households) {
        for (Enrolment enrolment : toReview) {
            enrolment.moveTo(EnrolmentStatus.NEEDS_REVIEW);
            Decision review = new Decision();
            review.enrolmentId = enrolment.id;
            review.outcome = EnrolmentStatus.NEEDS_REVIEW;
            review.reasonCodes = ReasonCode.ALREADY_ENROLLED_ELSEWHERE.name();
            review.decidedBy = "system";
            review.decidedAt = calendar.nowUtc();
            review.persist();
            events.announce("review-requested", households.get(enrolment).stream()
                    .map(member -> new EnrolmentEvents.Announcement(enrolment, member)).toList());
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
