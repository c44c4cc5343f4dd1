package lu.kulturpass.core.pass;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import lu.kulturpass.core.key.SigningKeys;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassNumber;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues passes: picks a fresh pass number, signs the token, stores the pass and records
 * {@code pass.issued} in the outbox, all in one transaction. Idempotent per agency and key.
 */
@ApplicationScoped
public class PassIssuer {

    public static final String TOPIC = "kulturpass.passes";

    private final SigningKeys keys;
    private final Outbox outbox;
    private final Period validity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PassIssuer(SigningKeys keys, Outbox outbox,
                      @ConfigProperty(name = "kulturpass.pass.validity") Period validity) {
        this.keys = keys;
        this.outbox = outbox;
        this.validity = validity;
        this.clock = Clock.system(ZoneOffset.UTC);
    }

    /** The pass already issued for this agency and idempotency key, if any. */
    @Transactional
    public Optional<Pass> alreadyIssued(String agencyId, String idempotencyKey) {
        return Pass.findIssued(agencyId, idempotencyKey);
    }

    @Transactional
    public Pass issue(String agencyId, String idempotencyKey, IssuePassRequest request, String issuedBy) {
        int groupSize = request.groupSize() == null ? 1 : request.groupSize();
        LocalDate from = LocalDate.now(clock);
        Pass pass = new Pass();
        pass.id = freshPassId();
        pass.number = PassNumber.format(pass.id);
        pass.agencyId = agencyId;
        pass.holderRef = request.holderRef();
        pass.idempotencyKey = idempotencyKey;
        pass.category = request.category();
        pass.groupSize = groupSize;
        pass.validFrom = from;
        pass.validUntil = from.plus(validity).minusDays(1);
        pass.status = PassStatus.ACTIVE;
        pass.keyId = keys.signer().keyId();
        pass.token = keys.signer().sign(new PassClaims(pass.id, pass.validFrom, pass.validUntil, pass.category,
                groupSize, request.category() == PassCategory.COLLECTIVE ? "--" : request.initials(),
                request.category() == PassCategory.COLLECTIVE ? 0 : request.birthYear()));
        pass.issuedAt = OffsetDateTime.now(clock);
        pass.issuedBy = issuedBy;
        pass.persistAndFlush();
        outbox.record(TOPIC, String.valueOf(pass.id), "lu.kulturpass.pass.issued", 1, Map.of(
                "passId", pass.id,
                "number", pass.number,
                "agencyId", pass.agencyId,
                "holderRef", pass.holderRef,
                "category", pass.category.name(),
                "groupSize", pass.groupSize,
                "validFrom", pass.validFrom.toString(),
                "validUntil", pass.validUntil.toString(),
                "keyId", pass.keyId));
        return pass;
    }

    private long freshPassId() {
        while (true) {
            long candidate = 1 + (random.nextLong() >>> 1) % PassClaims.MAX_PASS_ID;
            if (Pass.findById(candidate) == null) {
                return candidate;
            }
        }
    }
}
