package lu.kulturpass.core.pass;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lu.kulturpass.core.key.SigningKeys;
import lu.kulturpass.events.PassTopic;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenSigner;

/**
 * Issues passes: picks a fresh pass number, signs the token with the signing key of the moment,
 * stores the pass and records {@code pass.issued} in the outbox, all in one transaction. Idempotent
 * per agency and idempotency key.
 */
@ApplicationScoped
public class PassIssuer {

    private final SigningKeys keys;
    private final Outbox outbox;
    private final Period validity;
    private final ProgrammeCalendar calendar;
    private final SecureRandom random = new SecureRandom();
    private final Event<IssuedPasses.Written> passesWritten;

    public PassIssuer(SigningKeys keys, Outbox outbox, PassConfig config,
                      ProgrammeCalendar calendar, Event<IssuedPasses.Written> passesWritten) {
        this.passesWritten = passesWritten;
        this.keys = keys;
        this.outbox = outbox;
        this.validity = config.validity();
        this.calendar = calendar;
    }

    /** The last day of a pass that starts on {@code from}: the programme's validity (2 years) less a day. */
    public LocalDate validUntil(LocalDate from) {
        return from.plus(validity).minusDays(1);
    }

    /** The pass already issued for this agency and idempotency key, if any. */
    @Transactional
    public Optional<Pass> alreadyIssued(String agencyId, String idempotencyKey) {
        return Pass.findIssued(agencyId, idempotencyKey);
    }

    @Transactional
    public Pass issue(String agencyId, String idempotencyKey, IssuePassRequest request, String issuedBy) {
        request.requireConsistent();
        LocalDate today = calendar.today();
        Pass pass = newPass(agencyId, idempotencyKey, request, today, validUntil(today), issuedBy);
        pass.token = sign(pass, request.tokenInitials(), request.tokenBirthYear());
        return persistIssued(pass);
    }

    /** One pass per member; on a retry, members already issued are returned as they are. */
    @Transactional
    public List<Pass> issueHousehold(String agencyId, String idempotencyKey, HouseholdRequest household, String issuedBy) {
        household.requireConsistent();
        return issue(agencyId, List.of(new HouseholdBatch.Entry(idempotencyKey, household)), issuedBy).get(0);
    }

    /** Many households in one transaction, each idempotent under its own key. */
    @Transactional
    public List<List<Pass>> issueHouseholds(String agencyId, HouseholdBatch batch, String issuedBy) {
        batch.requireConsistent();
        return issue(agencyId, batch.households(), issuedBy);
    }

    /**
     * The households' passes: one query finds the members issued already (a retry), the others get
     * fresh numbers (one query checks them), tokens signed with one signer, and their rows and
     * {@code pass.issued} events written in batches.
     */
    private List<List<Pass>> issue(String agencyId, List<HouseholdBatch.Entry> households, String issuedBy) {
        Map<String, Pass> existing = new HashMap<>();
        List<String> memberKeys = households.stream().flatMap(entry -> entry.household().members().stream()
                .map(member -> entry.idempotencyKey() + "/" + member.holderRef())).toList();
        Pass.findIssued(agencyId, memberKeys).forEach(pass -> existing.put(pass.idempotencyKey, pass));
        long fresh = memberKeys.stream().filter(key -> !existing.containsKey(key)).count();
        Iterator<Long> ids = freshPassIds((int) fresh).iterator();
        PassTokenSigner signer = fresh == 0 ? null : keys.signer();
        LocalDate today = calendar.today();
        List<List<Pass>> issued = new ArrayList<>();
        List<Pass> created = new ArrayList<>();
        for (HouseholdBatch.Entry entry : households) {
            List<Pass> passes = new ArrayList<>();
            for (IssuePassRequest member : entry.household().members()) {
                String memberKey = entry.idempotencyKey() + "/" + member.holderRef();
                Pass pass = existing.get(memberKey);
                if (pass == null) {
                    pass = newPass(ids.next(), agencyId, memberKey, member, today, validUntil(today), issuedBy);
                    pass.householdRef = entry.household().householdRef();
                    pass.token = sign(signer, pass, member.tokenInitials(), member.tokenBirthYear());
                    pass.persist();
                    created.add(pass);
                }
                passes.add(pass);
            }
            issued.add(passes);
        }
        Pass.flush();
        outbox.recordAll(created.stream().map(PassIssuer::issuedEvent).toList());
        passesWritten.fire(new IssuedPasses.Written(created.size()));
        return issued;
    }

    /** A new card for a lost or stolen one: same holder, same end of validity, new number and token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Pass issueReplacement(Pass old, PassClaims oldClaims, String issuedBy) {
        Pass pass = new Pass();
        pass.id = freshPassIds(1).get(0);
        pass.number = PassNumber.format(pass.id);
        pass.agencyId = old.agencyId;
        pass.holderRef = old.holderRef;
        pass.householdRef = old.householdRef;
        pass.idempotencyKey = "replacement-of-" + old.id;
        pass.category = old.category;
        pass.groupSize = old.groupSize;
        pass.validFrom = calendar.today();
        pass.validUntil = old.validUntil;
        pass.replacesPassId = old.id;
        pass.issuedAt = calendar.nowUtc();
        pass.issuedBy = issuedBy;
        pass.status = PassStatus.ACTIVE;
        pass.token = sign(pass, oldClaims.initials(), oldClaims.birthYear());
        return persistIssued(pass);
    }

    /** Signs (or re-signs, after a renewal) the pass's token with the current signing key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String sign(Pass pass, String initials, int birthYear) {
        return sign(keys.signer(), pass, initials, birthYear);
    }

    private static String sign(PassTokenSigner signer, Pass pass, String initials, int birthYear) {
        pass.keyId = signer.keyId();
        return signer.sign(new PassClaims(pass.id, pass.validFrom, pass.validUntil, pass.category, pass.groupSize,
                initials, birthYear));
    }

    private Pass newPass(String agencyId, String idempotencyKey, IssuePassRequest request, LocalDate from,
                         LocalDate until, String issuedBy) {
        return newPass(freshPassIds(1).get(0), agencyId, idempotencyKey, request, from, until, issuedBy);
    }

    private Pass newPass(long id, String agencyId, String idempotencyKey, IssuePassRequest request, LocalDate from,
                                LocalDate until, String issuedBy) {
        Pass pass = new Pass();
        pass.id = id;
        pass.number = PassNumber.format(pass.id);
        pass.agencyId = agencyId;
        pass.holderRef = request.holderRef();
        pass.idempotencyKey = idempotencyKey;
        pass.category = request.category();
        pass.groupSize = request.effectiveGroupSize();
        pass.validFrom = from;
        pass.validUntil = until;
        pass.status = PassStatus.ACTIVE;
        pass.issuedAt = calendar.nowUtc();
        pass.issuedBy = issuedBy;
        return pass;
    }

    private Pass persistIssued(Pass pass) {
        pass.persistAndFlush();
        Outbox.Pending event = issuedEvent(pass);
        outbox.record(event.topic(), event.key(), event.type(), event.schemaVersion(), event.data());
        passesWritten.fire(new IssuedPasses.Written(1));
        return pass;
    }

    private static Outbox.Pending issuedEvent(Pass pass) {
        return new Outbox.Pending(PassTopic.TOPIC, String.valueOf(pass.id), PassTopic.Issued.TYPE, PassTopic.Issued.VERSION,
                new PassTopic.Issued(pass.id, pass.number, pass.agencyId, pass.holderRef, pass.householdRef, pass.category.name(),
                        pass.groupSize, pass.validFrom, pass.validUntil, pass.keyId, pass.replacesPassId));
    }

    /** Random pass ids no pass has yet (one query per round; a clash with an existing pass is drawn again). */
    private List<Long> freshPassIds(int count) {
        Set<Long> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            Set<Long> candidates = new HashSet<>();
            while (candidates.size() < count - chosen.size()) {
                long candidate = 1 + (random.nextLong() >>> 1) % PassClaims.MAX_PASS_ID;
                if (!chosen.contains(candidate)) {
                    candidates.add(candidate);
                }
            }
            candidates.removeAll(Pass.existing(candidates));
            chosen.addAll(candidates);
        }
        return new ArrayList<>(chosen);
    }
}
