package lu.kulturpass.eligibility.criterion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.words.CallerLanguage;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;

/** A reason a person is eligible, with the evidence it needs and how long a proof counts. */
@Entity
@Table(name = "criterion")
public class Criterion extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_fr", nullable = false)
    public String nameFr;

    @Column(name = "name_de", nullable = false)
    public String nameDe;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    /** Null for a criterion added before Luxembourgish names were asked for: shown with its French name until named. */
    @Column(name = "name_lb")
    public String nameLb;

    /** What proves it, e.g. "FNS decision for the cost-of-living allowance". */
    @Column(nullable = false)
    public String evidence;

    @Column(name = "proof_valid_months", nullable = false)
    public int proofValidMonths;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;

    @Column(name = "retired_by")
    public String retiredBy;

    /** The criterion's name in a language: what a person reads, never the code. */
    public String name(Language language) {
        return switch (language) {
            case FR -> nameFr;
            case DE -> nameDe;
            case EN -> nameEn;
            case LB -> nameLb == null ? nameFr : nameLb;
        };
    }

    /** The criterion's name in the caller's language. */
    public String name() {
        return name(CallerLanguage.current());
    }

    public boolean retired() {
        return retiredAt != null;
    }

    /** Whether a proof dated {@code evidenceDate} still counts on {@code day}. */
    public boolean proofCounts(LocalDate evidenceDate, LocalDate day) {
        return !evidenceDate.isAfter(day) && !evidenceDate.plusMonths(proofValidMonths).isBefore(day);
    }

    public static List<Criterion> inUse() {
        return list("retiredAt is null order by code");
    }

    /** A criterion a decision may name today: 400 if unknown or retired. */
    public static Criterion usable(String code) {
        Criterion criterion = code == null ? null : findById(code);
        if (criterion == null) {
            throw ProblemException.badRequest(Words.of(RefusalWords.class).noSuchCriterion(code));
        }
        if (criterion.retired()) {
            throw ProblemException.badRequest(Words.of(RefusalWords.class).criterionRetired(criterion.name(),
                    criterion.retiredAt.toLocalDate().toString()));
        }
        return criterion;
    }
}
