package lu.kulturpass.eligibility.enrolment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.criterion.Criterion;
import lu.kulturpass.eligibility.issuing.PassIssuing;
import lu.kulturpass.eligibility.issuing.PassServiceClient;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;

/**
 * Decides on a submitted enrolment. Approving claims the one active pass of each member not enrolled
 * elsewhere, asks pass-service to issue the household's passes (idempotency key: the enrolment), then
 * records the decision and the passes. Safe to repeat: a retry gets the same passes.
 */
@ApplicationScoped
public class Decisions {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Decisions.class);

    /** Households per pass-service request (and per transaction on both sides: small sessions flush fast). */
    static final int HOUSEHOLDS_PER_REQUEST = 50;

    private final PassIssuing passIssuing;
    private final Duplicates duplicates;
    private final EnrolmentEvents events;
    private final EnrolmentRules rules;
    private final ProgrammeCalendar calendar;

    public Decisions(PassIssuing passIssuing, Duplicates duplicates, EnrolmentEvents events, EnrolmentRules rules,
                     ProgrammeCalendar calendar) {
        this.passIssuing = passIssuing;
        this.duplicates = duplicates;
        this.events = events;
        this.rules = rules;
        this.calendar = calendar;
    }

    public Enrolment decide(String agencyId, UUID id, DecisionRequest request, String userId) {
        return switch (request.outcome()) {
            case APPROVED -> approve(agencyId, id, request, userId);
            case REJECTED, NEEDS_REVIEW -> refuseOrReview(agencyId, id, request, userId);
            default -> throw ProblemException.badRequest(Words.of(RefusalWords.class).outcomeRequired());
        };
    }

    private Enrolment refuseOrReview(String agencyId, UUID id, DecisionRequest request, String userId) {
        if (request.reasonCodes() == null || request.reasonCodes().isEmpty()) {
            throw ProblemException.badRequest(Words.of(RefusalWords.class).reasonToGive());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Enrolment enrolment = locked(agencyId, id);
            enrolment.moveTo(request.outcome());
            EvidenceCheck.record(enrolment, request.outcome(), request.criterion(), request.evidence(), request.reasonCodes(), false, userId,
                    calendar.nowUtc());
            if (request.outcome() == EnrolmentStatus.REJECTED) {
                enrolment.endedAt = calendar.nowUtc();
                duplicates.release(Beneficiary.members(id));
                events.announceAll("rejected", enrolment);
            } else {
                events.announceAll("review-requested", enrolment);
            }
            return enrolment;
        });
    }

    private Enrolment approve(String agencyId, UUID id, DecisionRequest request, String userId) {
        Map<UUID, ProblemException> refused = approveAll(agencyId, Map.of(id, request), userId);
        if (refused.containsKey(id)) {
            throw refused.get(id);
        }
        return ofAgency(agencyId, id);
    }

    /**
     * Approves households (one or an imported list): one transaction claims every member's pass, one
     * request to pass-service per {@value #HOUSEHOLDS_PER_REQUEST} households issues them (each under
     * the key {@code enrolment-{id}}, so a retry gets the same passes), one transaction records the
     * decisions. Answers the households refused, with why; the others are approved (or already were).
     */
    public Map<UUID, ProblemException> approveAll(String agencyId, Map<UUID, DecisionRequest> requests, String userId) {
        LocalDate today = calendar.today();
        Map<UUID, ProblemException> refused = new LinkedHashMap<>();
        Map<String, Criterion> criteria = new HashMap<>();
        Function<String, Criterion> usable = code -> criteria.computeIfAbsent(code,
                c -> QuarkusTransaction.joiningExisting().call(() -> Criterion.usable(c)));
        for (var request : requests.entrySet()) {
            try {
                EvidenceCheck.require(request.getValue().criterion(), request.getValue().evidence(), today, usable);
            } catch (ProblemException problem) {
                refused.put(request.getKey(), problem);
            }
        }
        long start = System.nanoTime();
        List<UUID> ids = requests.keySet().stream().filter(id -> !refused.containsKey(id)).toList();
        List<PassServiceClient.BatchEntry> claims = QuarkusTransaction.requiringNew().call(() -> claim(agencyId, ids, today, refused));
        for (int i = 0; i < claims.size(); i += HOUSEHOLDS_PER_REQUEST) {
            List<PassServiceClient.BatchEntry> batch = claims.subList(i, Math.min(claims.size(), i + HOUSEHOLDS_PER_REQUEST));
            long claimed = System.nanoTime();
            List<PassServiceClient.BatchIssued> issued = passIssuing.issueHouseholds(batch);
            long passesIssued = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> record(agencyId, requests, issued, today, userId));
            LOG.debugf("approved %d households: claimed in %d ms, passes issued in %d ms, recorded in %d ms", batch.size(),
                    (claimed - start) / 1_000_000, (passesIssued - claimed) / 1_000_000, (System.nanoTime() - passesIssued) / 1_000_000);
        }
        return refused;
    }

    /**
     * Claims the members' passes of the households (locked, in one query; their members in another);
     * a household refused is added to {@code refused}, one approved already is left out.
     */
    private List<PassServiceClient.BatchEntry> claim(String agencyId, List<UUID> ids, LocalDate today,
                                                     Map<UUID, ProblemException> refused) {
        Map<UUID, Enrolment> locked = Enrolment.lockedOfAgency(agencyId, ids, refused);
        Map<UUID, List<Beneficiary>> members = Beneficiary.members(locked.keySet());
        List<UUID> claiming = new ArrayList<>();
        for (Enrolment enrolment : locked.values()) {
            if (enrolment.status == EnrolmentStatus.APPROVED) {
                continue;
            }
            try {
                if (!enrolment.status.canMoveTo(EnrolmentStatus.APPROVED)) {
                    enrolment.moveTo(EnrolmentStatus.APPROVED);
                }
                claiming.add(enrolment.id);
            } catch (ProblemException problem) {
                refused.put(enrolment.id, problem);
            }
        }
        List<List<Beneficiary>> claimed = duplicates.claimAll(claiming.stream().map(id -> members.getOrDefault(id, List.of())).toList());
        Beneficiary.flush();
        List<PassServiceClient.BatchEntry> entries = new ArrayList<>();
        for (int i = 0; i < claiming.size(); i++) {
            UUID id = claiming.get(i);
            if (claimed.get(i).isEmpty()) {
                refused.put(id, ProblemException.conflict(Words.of(RefusalWords.class).allMembersElsewhere()));
                continue;
            }
            entries.add(new PassServiceClient.BatchEntry("enrolment-" + id, new PassServiceClient.HouseholdRequest(id.toString(),
                    claimed.get(i).stream().map(m -> new PassServiceClient.PassRequest(m.id.toString(), m.category(today),
                            m.initials(), m.birthDate.getYear())).toList())));
        }
        return entries;
    }

    /** Records the decisions and passes of the households pass-service issued, and announces them. */
    private void record(String agencyId, Map<UUID, DecisionRequest> requests, List<PassServiceClient.BatchIssued> issued,
                        LocalDate today, String userId) {
        List<UUID> ids = issued.stream().map(h -> UUID.fromString(h.idempotencyKey().substring("enrolment-".length()))).toList();
        Map<UUID, Enrolment> locked = Enrolment.lockedOfAgency(agencyId, ids, new HashMap<>());
        Map<UUID, List<Beneficiary>> members = Beneficiary.members(locked.keySet());
        List<EnrolmentEvents.Announcement> approved = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Enrolment enrolment = locked.get(ids.get(i));
            if (enrolment == null || enrolment.status == EnrolmentStatus.APPROVED) {
                continue;
            }
            DecisionRequest request = requests.get(enrolment.id);
            Map<String, PassServiceClient.IssuedPass> byHolder = issued.get(i).passes().stream()
                    .collect(Collectors.toMap(PassServiceClient.IssuedPass::holderRef, Function.identity()));
            enrolment.moveTo(EnrolmentStatus.APPROVED);
            enrolment.validFrom = today;
            enrolment.validUntil = today.plus(rules.validity()).minusDays(1);
            List<ReasonCode> reasons = new ArrayList<>(request.reasonCodes() == null ? List.of() : request.reasonCodes());
            if (reasons.isEmpty()) {
                reasons.add(ReasonCode.CRITERION_MET);
            }
            EvidenceCheck.record(enrolment, EnrolmentStatus.APPROVED, request.criterion(), request.evidence(), reasons, false, userId,
                    calendar.nowUtc());
            for (Beneficiary member : members.getOrDefault(enrolment.id, List.of())) {
                PassServiceClient.IssuedPass pass = byHolder.get(member.id.toString());
                if (pass != null) {
                    member.passId = pass.id();
                    member.passNumber = pass.number();
                    approved.add(new EnrolmentEvents.Announcement(enrolment, member));
                }
            }
        }
        events.announce("approved", approved);
    }

    private static Enrolment locked(String agencyId, UUID id) {
        return Enrolment.lockedOfAgency(agencyId, id);
    }

    private static Enrolment ofAgency(String agencyId, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Enrolment.ofAgency(agencyId, id));
    }
}
