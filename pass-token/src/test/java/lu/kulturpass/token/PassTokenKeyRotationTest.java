package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier follows its key lookup on every scan, although it keeps decoded keys between scans. */
class PassTokenKeyRotationTest {

    private static final SigningKeyPair FIRST = SigningKeyPair.generate();
    private static final SigningKeyPair SECOND = SigningKeyPair.generate();

    private final Map<Integer, byte[]> published = new HashMap<>(Map.of(1, FIRST.publicKey()));
    private final PassTokenVerifier verifier = new PassTokenVerifier(published::get);
    private final String token = new PassTokenSigner(1, FIRST.privateKey()).sign(new PassClaims(42L,
            LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), PassCategory.CHILD, 1, "AB", 2016));

    @Test
    void keyReplacedUnderTheSameIdRefusesTokensOfTheOldKeyAtOnce() {
        assertInstanceOf(Verification.Verified.class, verifier.verify(token));
        published.put(1, SECOND.publicKey());
        assertEquals(new Verification.Rejected(TokenRejection.BAD_SIGNATURE), verifier.verify(token));
        published.put(1, FIRST.publicKey());
        assertInstanceOf(Verification.Verified.class, verifier.verify(token));
    }

    @Test
    void keyRemovedFromTheListRefusesItsTokensAtOnce() {
        assertInstanceOf(Verification.Verified.class, verifier.verify(token));
        published.remove(1);
        assertEquals(new Verification.Rejected(TokenRejection.UNKNOWN_KEY), verifier.verify(token));
    }

    @Test
    void keyArrayChangedInPlaceByTheLookupIsNotMistakenForTheCachedOne() {
        byte[] mutable = FIRST.publicKey().clone();
        published.put(1, mutable);
        assertInstanceOf(Verification.Verified.class, verifier.verify(token));
        System.arraycopy(SECOND.publicKey(), 0, mutable, 0, mutable.length);
        assertEquals(new Verification.Rejected(TokenRejection.BAD_SIGNATURE), verifier.verify(token));
    }
}
