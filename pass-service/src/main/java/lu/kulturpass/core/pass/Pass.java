package lu.kulturpass.core.pass;

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
import java.util.List;
import java.util.Optional;
import lu.kulturpass.token.PassCategory;

/** A Kulturpass: who issued it, for whom (pseudonymously), how long it admits, and its signed token. */
@Entity
@Table(name = "pass")
public class Pass extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(nullable = false, unique = true)
    public String number;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "holder_ref", nullable = false)
    public String holderRef;

    /** The agency's pseudonymous reference of the household, when issued with its members. */
    @Column(name = "household_ref")
    public String householdRef;

    /** For a replacement card: the pass it replaces; and on the old pass, its replacement. */
    @Column(name = "replaces_pass_id")
    public Long replacesPassId;

    @Column(name = "replaced_by_pass_id")
    public Long replacedByPassId;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PassCategory category;

    @Column(name = "group_size", nullable = false)
    public int groupSize;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PassStatus status;

    @Column(name = "key_id", nullable = false)
    public int keyId;

    /** The signed token (with the holder check: initials, birth year); null once removed (see {@link #removeToken}). */
    @Column
    public String token;

    /** When the token was removed, and why: {@link #HOLDER_ERASED} or {@link #RETENTION}. */
    @Column(name = "token_removed_at")
    public OffsetDateTime tokenRemovedAt;

    @Column(name = "token_removed_because")
    public String tokenRemovedBecause;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    /** The holder was erased in eligibility-service. */
    public static final String HOLDER_ERASED = "HOLDER_ERASED";
    /** The pass ended longer ago than the retention period. */
    public static final String RETENTION = "RETENTION";

    /**
     * Deletes the token and with it the holder check (initials, birth year): the pass keeps what the statistics and
     * the revocation list need (id, number, category, validity, standing). Returns false if it was removed before.
     */
    public boolean removeToken(String because, OffsetDateTime at) {
        if (token == null) {
            return false;
        }
        token = null;
        tokenRemovedAt = at;
        tokenRemovedBecause = because;
        return true;
    }

    static Optional<Pass> findIssued(String agencyId, String idempotencyKey) {
        return find("agencyId = ?1 and idempotencyKey = ?2", agencyId, idempotencyKey).firstResultOptional();
    }

    /** The passes issued already under any of these keys (one query). */
    static List<Pass> findIssued(String agencyId, Collection<String> idempotencyKeys) {
        return idempotencyKeys.isEmpty() ? List.of() : list("agencyId = ?1 and idempotencyKey in ?2", agencyId, idempotencyKeys);
    }

    /** Which of these ids are taken (one query). */
    static List<Long> existing(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : getEntityManager().createQuery("select p.id from Pass p where p.id in ?1", Long.class).setParameter(1, ids).getResultList();
    }
}
