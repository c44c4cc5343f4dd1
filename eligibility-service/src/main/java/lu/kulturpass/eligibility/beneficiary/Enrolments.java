package lu.kulturpass.eligibility.beneficiary;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lu.kulturpass.eligibility.issuing.PassIssuing;
import lu.kulturpass.eligibility.issuing.PassServiceClient;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.problem.ProblemException;

/** Enrols beneficiaries and approves them, which issues their pass through pass-service. */
@ApplicationScoped
public class Enrolments {

    public static final String TOPIC = "kulturpass.enrolments";

    private final PassIssuing passIssuing;
    private final Outbox outbox;

    public Enrolments(PassIssuing passIssuing, Outbox outbox) {
        this.passIssuing = passIssuing;
        this.outbox = outbox;
    }

    public Beneficiary enrol(String agencyId, EnrolRequest request, String userId) {
        if (request.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
            throw ProblemException.badRequest("birthDate: must be after 1900-01-01");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Beneficiary beneficiary = new Beneficiary();
            beneficiary.id = UUID.randomUUID();
            beneficiary.agencyId = agencyId;
            beneficiary.firstName = request.firstName().strip();
            beneficiary.lastName = request.lastName().strip();
            beneficiary.birthDate = request.birthDate();
            beneficiary.status = EnrolmentStatus.SUBMITTED;
            beneficiary.enrolledAt = OffsetDateTime.now(ZoneOffset.UTC);
            beneficiary.enrolledBy = userId;
            beneficiary.persist();
            outbox.record(TOPIC, beneficiary.id.toString(), "lu.kulturpass.enrolment.submitted", 1, Map.of(
                    "beneficiaryId", beneficiary.id.toString(),
                    "agencyId", agencyId,
                    "ageBand", AgeBand.of(beneficiary.ageOn(LocalDate.now()))));
            return beneficiary;
        });
    }

    /** The agency's own beneficiary: 404 if unknown, 403 if another agency's. */
    public Beneficiary ofAgency(String agencyId, UUID id) {
        Beneficiary beneficiary = QuarkusTransaction.joiningExisting().call(() -> Beneficiary.<Beneficiary>findById(id));
        if (beneficiary == null) {
            throw ProblemException.notFound("No beneficiary with id " + id);
        }
        if (!beneficiary.agencyId.equals(agencyId)) {
            throw ProblemException.forbidden("This beneficiary is enrolled with another agency");
        }
        return beneficiary;
    }

    public List<Beneficiary> ofAgency(String agencyId) {
        return QuarkusTransaction.joiningExisting().call(() ->
                Beneficiary.<Beneficiary>list("agencyId = ?1 order by lastName, firstName", agencyId));
    }

    /**
     * Approves and issues the pass. Safe to repeat: the pass is asked for with the enrolment's id as
     * idempotency key, so a retry after a lost answer gets the same pass, and an approved beneficiary
     * is returned as it is.
     */
    public Beneficiary approve(String agencyId, UUID id, String userId, String bearerToken) {
        Beneficiary beneficiary = ofAgency(agencyId, id);
        if (beneficiary.status == EnrolmentStatus.APPROVED) {
            return beneficiary;
        }
        requireTransition(beneficiary, EnrolmentStatus.APPROVED);
        LocalDate today = LocalDate.now();
        String category = beneficiary.ageOn(today) < 18 ? "CHILD" : "ADULT";
        PassServiceClient.IssuedPass pass = passIssuing.issue(bearerToken, "enrolment-" + beneficiary.id,
                new PassServiceClient.PassRequest(beneficiary.id.toString(), category,
                        HolderInitials.of(beneficiary.firstName, beneficiary.lastName), beneficiary.birthDate.getYear()));
        return QuarkusTransaction.requiringNew().call(() -> {
            Beneficiary current = Beneficiary.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (current.status == EnrolmentStatus.APPROVED) {
                return current;
            }
            requireTransition(current, EnrolmentStatus.APPROVED);
            current.status = EnrolmentStatus.APPROVED;
            current.passId = pass.id();
            current.passNumber = pass.number();
            current.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
            current.decidedBy = userId;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("beneficiaryId", current.id.toString());
            data.put("agencyId", current.agencyId);
            data.put("passId", pass.id());
            data.put("category", category);
            data.put("ageBand", AgeBand.of(current.ageOn(today)));
            outbox.record(TOPIC, current.id.toString(), "lu.kulturpass.enrolment.approved", 1, data);
            return current;
        });
    }

    private static void requireTransition(Beneficiary beneficiary, EnrolmentStatus target) {
        if (!beneficiary.status.canMoveTo(target)) {
            throw ProblemException.conflict("An enrolment that is " + beneficiary.status + " cannot become " + target
                    + "; allowed next: " + beneficiary.status.next());
        }
    }
}
