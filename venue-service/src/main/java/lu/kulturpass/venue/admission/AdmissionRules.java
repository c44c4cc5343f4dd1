package lu.kulturpass.venue.admission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.venue.partner.CallerVenue;

/**
 * How a scan is decided: {@link #decide} is a pure function, facts in, decision out. It takes the scans of a batch (a
 * single scan is a batch of one) as {@link Scanned} (the card, where, when, how) and the {@link ScanFacts} read for
 * each, and returns each scan's {@link Decision}: the row to record, or why it is not recorded now. It reads no database
 * and no clock, and changes nothing it is given; recording what it decides is {@link Recorder}'s work.
 * <p>
 * A scan is checked in this order: the caller's to make; its nonce not answered before; the card readable; its
 * validity on the scan's day; its standing in the local copy of pass events; the venue's agreement in force and the
 * categories it accepts (which sets the price); the performance (of this venue, not cancelled, on the scan's day;
 * required unless the agreement gives free entry per day, as museums do); once per performance (or per day without
 * one); then the places left, for all the batch's scans of a performance at once. An offline scan keeps the offline
 * scanner's verdict ({@link #settleOffline}). The rule book, every case in this order with the reason it gets, is
 * src/test/resources/lu/kulturpass/venue/admission/rule-book.json: AdmissionRulesBookTest runs it through
 * {@link #decide}, ScannerRuleBookTest through the scanner page's offline rules.
 */
final class AdmissionRules {

    private AdmissionRules() {
    }

    /** Each scan's decision, in order; {@code facts} are the scans' own, in the same order. */
    static List<Decision> decide(List<Scanned> scans, List<ScanFacts> facts) {
        int n = scans.size();
        List<Decision> decisions = new ArrayList<>(n);
        Set<String> nonces = new HashSet<>();
        Set<String> admittedOnce = new HashSet<>();
        Map<UUID, Integer> placesAsked = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Decision decision = decideBeforePlaces(scans.get(i), facts.get(i), nonces, admittedOnce);
            if (decision instanceof Decision.Record record && asksPlaces(record.admission())) {
                placesAsked.merge(record.admission().performanceId, seats(record.admission()), Integer::sum);
            }
            decisions.add(decision);
        }
        for (int i = 0; i < n; i++) {
            if (decisions.get(i) instanceof Decision.Record record) {
                Admission admission = record.admission();
                if (asksPlaces(admission) && !placesFor(placesAsked.get(admission.performanceId), placesLeft(facts.get(i)))) {
                    if (n > 1) {
                        decisions.set(i, new Decision.Alone("fewer places left than its batch asks"));
                        continue;
                    }
                    admission.reason = Reason.SOLD_OUT;
                }
                finish(admission);
            }
        }
        return decisions;
    }

    /** One scan's decision, places apart; {@code nonces} and {@code admittedOnce}: what the batch's scans before it hold. */
    private static Decision decideBeforePlaces(Scanned scan, ScanFacts facts, Set<String> nonces, Set<String> admittedOnce) {
        ProblemException notTheCallers = notTheCallers(scan, facts);
        if (notTheCallers != null) {
            return new Decision.NotTheCallers(notTheCallers);
        }
        if (facts.answeredId() != null) {
            return new Decision.AnsweredBefore(facts.answeredId());
        }
        if (!nonces.add(scan.venueId() + ' ' + scan.nonce())) {
            return new Decision.Alone("its nonce twice in its batch: alone, it finds the first answer");
        }
        Card card = scan.card().typed() && scan.card().readable() ? scan.card().withStanding(facts) : scan.card();
        Admission admission = scan.draft();
        admission.reason = judge(admission, card, facts);
        if (admission.reason == Reason.VALID && !admittedOnce.add(scan.onceKey())) {
            return new Decision.Alone("its pass twice in its batch: alone, it finds the first admission");
        }
        if (scan.scanning().offline()) {
            settleOffline(admission, scan.scanning(), admission.venueId.equals(facts.performanceVenueId()));
        }
        return new Decision.Record(admission, card);
    }

    /**
     * Why the scan is not the caller's to make, if it is not: a venue the partner topic never named, or another venue's
     * performance. Such a scan is refused (403) and records nothing; the facts were read anyway, so checking costs no query.
     */
    private static ProblemException notTheCallers(Scanned scan, ScanFacts facts) {
        if (!facts.venueKnown()) {
            return CallerVenue.unknownVenue();
        }
        return facts.performanceElsewhere(scan) ? CallerVenue.performanceElsewhere(scan.performanceId()) : null;
    }

    /** The verdict for the card's own rules; completes the draft (category, group size, agreement, price). */
    private static Reason judge(Admission admission, Card card, ScanFacts facts) {
        if (!card.readable()) {
            return card.refusal();
        }
        admission.category = card.category();
        admission.groupSize = card.groupSize();
        Reason reason = dates(card, admission.scanDay);
        if (reason == null && facts.standing() != null) {
            reason = Reason.ofStanding(facts.standing());
        }
        if (reason == null) {
            reason = agreement(admission, card, facts);
        }
        if (reason == null && facts.alreadyAdmitted()) {
            reason = alreadyUsedReason(admission);
        }
        return reason == null ? Reason.VALID : reason;
    }

    private static Reason dates(Card card, LocalDate day) {
        if (card.validFrom() != null && day.isBefore(card.validFrom())) {
            return Reason.NOT_YET_VALID;
        }
        if (card.validUntil() != null && day.isAfter(card.validUntil())) {
            return Reason.EXPIRED;
        }
        return null;
    }

    /** The agreement must accept the category; sets the price; then the performance rule. */
    private static Reason agreement(Admission admission, Card card, ScanFacts facts) {
        if (!facts.agreementInForce()) {
            return Reason.NO_AGREEMENT;
        }
        if (!facts.accepts(card.category())) {
            return Reason.CATEGORY_NOT_ACCEPTED;
        }
        if (admission.performanceId != null) {
            if (!admission.venueId.equals(facts.performanceVenueId())) {
                return Reason.UNKNOWN_PERFORMANCE;
            }
            if (!"SCHEDULED".equals(facts.performanceStatus())) {
                return Reason.PERFORMANCE_CANCELLED;
            }
            if (!facts.performanceIsOn(admission.scanDay, admission.scannedAt)) {
                return Reason.PERFORMANCE_NOT_TODAY;
            }
        } else if (!facts.freeEntry()) {
            return Reason.PERFORMANCE_REQUIRED;
        }
        admission.agreementId = facts.agreementId();
        admission.priceCents = facts.priceCentsPerPerson() * card.groupSize();
        return null;
    }

    /**
     * The last rule, for a scan the others admit that names a performance: the places left must seat what is asked
     * (the group size; a batch asks for all its scans of the performance at once), else {@link Reason#SOLD_OUT}.
     */
    private static boolean placesFor(int asked, int placesLeft) {
        return asked <= placesLeft;
    }

    private static int placesLeft(ScanFacts facts) {
        return facts.placesLeft() == null ? 0 : facts.placesLeft();
    }

    /** A live scan the rules admit for a performance takes places, if they are left (an offline one takes them anyway). */
    private static boolean asksPlaces(Admission admission) {
        return admission.reason == Reason.VALID && admission.performanceId != null && !admission.offline;
    }

    private static Reason alreadyUsedReason(Admission admission) {
        return admission.performanceId != null ? Reason.ALREADY_ADMITTED : Reason.ALREADY_ADMITTED_TODAY;
    }

    /** The places one admission takes: the group's size, 1 for a single holder. */
    private static int seats(Admission admission) {
        return admission.groupSize == null ? 1 : admission.groupSize;
    }

    /** The verdict becomes the outcome: an admission takes its places; a refusal is charged nothing. */
    private static void finish(Admission admission) {
        if (admission.reason == Reason.VALID) {
            admission.outcome = Outcome.ADMITTED;
            admission.places = admission.performanceId != null ? seats(admission) : 0;
        } else if (admission.outcome != Outcome.ADMITTED) {
            admission.outcome = Outcome.REFUSED;
            admission.priceCents = null;
        }
    }

    /**
     * An offline scan the device let in stays an admission (the holder is inside): a pass already used is flagged as a
     * double use (kept for audit, not counted twice); other verdicts are kept as the reason; places are taken even past
     * the offer ({@link Recording}: an offline admission's places are taken anyway). A scan the device turned away stays
     * a refusal.
     */
    private static void settleOffline(Admission admission, Scanning scanning, boolean performanceHere) {
        if (scanning == Scanning.OFFLINE_TURNED_AWAY) {
            if (admission.reason == Reason.VALID) {
                admission.reason = Reason.REFUSED_OFFLINE;
            }
            return;
        }
        if (admission.reason == Reason.VALID || admission.passId == null) {
            admission.outcome = admission.reason == Reason.VALID ? Outcome.ADMITTED : null;
        } else {
            admission.outcome = Outcome.ADMITTED;
            admission.doubleUse = admission.reason.alreadyUsed();
        }
        if (admission.outcome == Outcome.ADMITTED && !admission.doubleUse && admission.performanceId != null && performanceHere) {
            admission.places = seats(admission);
        }
    }
}
