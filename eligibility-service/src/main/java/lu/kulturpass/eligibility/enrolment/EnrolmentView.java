package lu.kulturpass.eligibility.enrolment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.criterion.Criterion;
import lu.kulturpass.platform.programme.HouseholdSituation;

/** A household's enrolment as its agency sees it: members with their passes, and every decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentView(UUID id, EnrolmentStatus status, List<String> allowedMoves, HouseholdSituation householdSituation,
                            String municipality, LocalDate validFrom, LocalDate validUntil, boolean dueForRenewal,
                            OffsetDateTime createdAt, List<Member> members, List<DecisionView> decisions) {

    /**
     * A member. {@code enrolledElsewhere}: the person already holds a pass through another enrolment —
     * which one, and with whom, is not said.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(UUID id, String firstName, String lastName, LocalDate birthDate, String category,
                         boolean enrolledElsewhere, Long passId, String passNumber, String qrCode) {

        /** The member as the agency sees them {@code today}: the category is the one of their age on that day. */
        public static Member of(Beneficiary b, String passServiceUrl, LocalDate today) {
            return new Member(b.id, b.firstName, b.lastName, b.birthDate, b.birthDate == null ? null : b.category(today),
                    b.enrolledElsewhere, b.passId, b.passNumber, b.passId == null ? null : passServiceUrl + "/passes/" + b.passId + "/qr.png");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** A decision; {@code criterionName}: the criterion in the caller's language, for people (the code is for programs). */
    public record DecisionView(EnrolmentStatus outcome, boolean renewal, String criterion, String criterionName, Evidence evidence,
                               List<String> reasonCodes, String decidedBy, OffsetDateTime decidedAt) {

        public record Evidence(String kind, String issuer, String number, LocalDate date) {
        }

        public static DecisionView of(Decision d) {
            Evidence evidence = d.evidenceKind == null ? null
                    : new Evidence(d.evidenceKind, d.evidenceIssuer, d.evidenceNumber, d.evidenceDate);
            Criterion criterion = d.criterionCode == null ? null : Criterion.findById(d.criterionCode);
            return new DecisionView(d.outcome, d.renewal, d.criterionCode, criterion == null ? null : criterion.name(), evidence,
                    d.reasons(), d.decidedBy, d.decidedAt);
        }
    }

    public static EnrolmentView of(Enrolment e, boolean due, String passServiceUrl, LocalDate today) {
        return new EnrolmentView(e.id, e.status, e.status.allowedMoves(), e.householdSituation, e.municipality, e.validFrom,
                e.validUntil, due, e.createdAt,
                Beneficiary.members(e.id).stream().map(b -> Member.of(b, passServiceUrl, today)).toList(),
                Decision.of(e.id).stream().map(DecisionView::of).toList());
    }
}
