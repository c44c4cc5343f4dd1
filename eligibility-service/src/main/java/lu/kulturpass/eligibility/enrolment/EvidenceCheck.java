package lu.kulturpass.eligibility.enrolment;

import java.time.LocalDate;
import lu.kulturpass.eligibility.criterion.Criterion;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.words.Words;

/** An approval or a renewal needs a criterion in use and evidence that still counts for it. */
final class EvidenceCheck {

    private EvidenceCheck() {
    }

    static Criterion require(String criterionCode, DecisionRequest.Evidence evidence, LocalDate today) {
        return require(criterionCode, evidence, today,
                code -> io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> Criterion.usable(code)));
    }

    /** The same with the criteria looked up by {@code usable} (many decisions share a few criteria). */
    static Criterion require(String criterionCode, DecisionRequest.Evidence evidence, LocalDate today,
                             java.util.function.Function<String, Criterion> usable) {
        if (criterionCode == null || criterionCode.isBlank()) {
            throw ProblemException.badRequest(Words.of(RefusalWords.class).criterionToChoose());
        }
        Criterion criterion = usable.apply(criterionCode);
        if (evidence == null) {
            throw ProblemException.badRequest(Words.of(RefusalWords.class).evidenceToGive(criterion.evidence));
        }
        if (!criterion.proofCounts(evidence.date(), today)) {
            throw ProblemException.badRequest(Words.of(RefusalWords.class).proofNoLongerCounts(evidence.date().toString(), criterion.name(),
                    String.valueOf(criterion.proofValidMonths)));
        }
        return criterion;
    }

    static Decision record(Enrolment enrolment, EnrolmentStatus outcome, String criterion, DecisionRequest.Evidence evidence,
                           java.util.List<ReasonCode> reasons, boolean renewal, String userId,
                           java.time.OffsetDateTime at) {
        Decision decision = new Decision();
        decision.enrolmentId = enrolment.id;
        decision.outcome = outcome;
        decision.renewal = renewal;
        decision.criterionCode = criterion == null || criterion.isBlank() ? null : criterion;
        if (evidence != null) {
            decision.evidenceKind = evidence.kind().strip();
            decision.evidenceIssuer = evidence.issuer().strip();
            decision.evidenceNumber = evidence.number() == null ? null : evidence.number().strip();
            decision.evidenceDate = evidence.date();
        }
        decision.reasonCodes = String.join(",", (reasons == null ? java.util.List.<ReasonCode>of() : reasons).stream()
                .map(Enum::name).distinct().toList());
        decision.decidedBy = userId;
        decision.decidedAt = at;
        decision.persist();
        return decision;
    }
}
