package lu.kulturpass.venue.admission;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassNumber;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.Verification;
import lu.kulturpass.venue.pass.PassStanding;

/**
 * What the card presented says: from the signed QR code (with the initials and birth year to check
 * against the ID), or from a typed pass number looked up in the local copy of pass events (no holder
 * check: venue-service holds no initials; staff compare the name printed on the card). {@code refusal}
 * is set when the card itself cannot admit (unreadable, forged, unknown number).
 */
record Card(Long passId, String category, Integer groupSize, LocalDate validFrom, LocalDate validUntil,
            String initials, Integer birthYear, boolean typed, Reason refusal) {

    static Card refused(Long passId, boolean typed, Reason reason) {
        return new Card(passId, null, null, null, null, null, null, typed, reason);
    }

    static Card ofToken(PassTokenVerifier verifier, String token) {
        Verification verification = verifier.verify(token);
        if (verification instanceof Verification.Verified verified) {
            PassClaims claims = verified.claims();
            return new Card(claims.passId(), claims.category().name(), claims.groupSize(), claims.validFrom(),
                    claims.validUntil(), claims.initials(), claims.birthYear() == 0 ? null : claims.birthYear(), false, null);
        }
        return refused(null, false, Reason.of(((Verification.Rejected) verification).reason()));
    }

    /**
     * The card a recorded answer was for (a retried nonce, the recent list): its QR code checked again, or its pass
     * number completed by {@code withStanding} from the local copy of pass events.
     */
    static Card ofAnswer(PassTokenVerifier verifier, Admission answer, UnaryOperator<Card> withStanding) {
        if (answer.token != null) {
            return ofToken(verifier, answer.token);
        }
        if (answer.passId == null) {
            return refused(null, true, Reason.UNKNOWN_CODE);
        }
        return withStanding.apply(ofCode(PassNumber.format(answer.passId)));
    }

    /** Only the number is read here (no database): the standing is looked up in the scan's transaction. */
    static Card ofCode(String code) {
        var passId = PassNumber.parse(code);
        return passId.isPresent() ? new Card(passId.getAsLong(), null, null, null, null, null, null, true, null)
                : refused(null, true, Reason.UNKNOWN_CODE);
    }

    /** A typed number completed from the local copy of pass events; UNKNOWN_CODE when no event named it. */
    Card withStanding(PassStanding standing) {
        return standing == null ? withStanding(null, null, null, null)
                : withStanding(standing.category, standing.groupSize, standing.validFrom, standing.validUntil);
    }

    Card withStanding(ScanFacts facts) {
        return withStanding(facts.category(), facts.groupSize(), facts.validFrom(), facts.validUntil());
    }

    private Card withStanding(String category, Integer groupSize, LocalDate validFrom, LocalDate validUntil) {
        if (category == null) {
            return refused(passId, true, Reason.UNKNOWN_CODE);
        }
        return new Card(passId, category, groupSize == null ? 1 : groupSize, validFrom, validUntil, null, null, true, null);
    }

    boolean readable() {
        return refusal == null;
    }
}
