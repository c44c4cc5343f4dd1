package lu.kulturpass.eligibility.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A decision on an enrolment: the criterion, the reference of the evidence seen (kind, issuer, number,
 * date — never the document itself), who decided, and reason codes.
 */
@Entity
@Table(name = "decision")
public class Decision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrolmentStatus outcome;

    @Column(nullable = false)
    public boolean renewal;

    @Column(name = "criterion_code")
    public String criterionCode;

    @Column(name = "evidence_kind")
    public String evidenceKind;

    @Column(name = "evidence_issuer")
    public String evidenceIssuer;

    @Column(name = "evidence_number")
    public String evidenceNumber;

    @Column(name = "evidence_date")
    public LocalDate evidenceDate;

    /** Comma-separated {@link ReasonCode}s. */
    @Column(name = "reason_codes", nullable = false)
    public String reasonCodes = "";

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    public List<String> reasons() {
        return reasonCodes.isEmpty() ? List.of() : Arrays.asList(reasonCodes.split(","));
    }

    public static List<Decision> of(UUID enrolmentId) {
        return list("enrolmentId = ?1 order by decidedAt, id", enrolmentId);
    }
}
