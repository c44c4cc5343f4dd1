package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PassTokenTest {

    /** A fixed key keeps the token, and so the reason each cut of it gets, the same on every run. */
    private static final SigningKeyPair KEY = new SigningKeyPair(TestKey.load().privateKey(), TestKey.load().publicKey());
    private static final PassClaims ADULT = new PassClaims(123_456_789L, LocalDate.of(2026, 11, 1),
            LocalDate.of(2028, 10, 31), PassCategory.ADULT, 1, "MS", 1984);

    private final PassTokenSigner signer = new PassTokenSigner(7, KEY.privateKey());
    private final PassTokenVerifier verifier = new PassTokenVerifier(Map.of(7, KEY.publicKey())::get);

    @Test
    void signedTokenVerifiesBackToTheSameClaims() {
        Verification result = verifier.verify(signer.sign(ADULT));
        Verification.Verified verified = assertInstanceOf(Verification.Verified.class, result);
        assertEquals(7, verified.keyId());
        assertEquals(ADULT, verified.claims());
    }

    @Test
    void collectivePassKeepsItsGroupSize() {
        PassClaims group = new PassClaims(42L, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                PassCategory.COLLECTIVE, 25, "--", 0);
        Verification.Verified verified = assertInstanceOf(Verification.Verified.class, verifier.verify(signer.sign(group)));
        assertEquals(25, verified.claims().groupSize());
    }

    @Test
    void tokenFitsAVersionFiveQrCodeInAlphanumericMode() {
        String token = signer.sign(ADULT);
        assertEquals(122, token.length());
        assertTrue(token.chars().allMatch(c -> Base45.ALPHABET.indexOf(c) >= 0), token);
    }

    @Test
    void everySingleChangedCharacterIsRejected() {
        String token = signer.sign(ADULT);
        for (int i = 0; i < token.length(); i++) {
            for (char c : Base45.ALPHABET.toCharArray()) {
                if (c == token.charAt(i)) {
                    continue;
                }
                String altered = token.substring(0, i) + c + token.substring(i + 1);
                assertInstanceOf(Verification.Rejected.class, verifier.verify(altered), altered);
            }
        }
    }

    @Test
    void tokenSignedWithAnUnknownKeyIsRejectedAsSuch() {
        PassTokenSigner other = new PassTokenSigner(8, SigningKeyPair.generate().privateKey());
        assertEquals(new Verification.Rejected(TokenRejection.UNKNOWN_KEY), verifier.verify(other.sign(ADULT)));
    }

    @Test
    void forgedSignatureUnderAKnownKeyIdIsRejected() {
        PassTokenSigner forger = new PassTokenSigner(7, SigningKeyPair.generate().privateKey());
        assertEquals(new Verification.Rejected(TokenRejection.BAD_SIGNATURE), verifier.verify(forger.sign(ADULT)));
    }

    @Test
    void malformedInputsAreRejectedWithTypedReasons() {
        String token = signer.sign(ADULT);
        assertEquals(TokenRejection.EMPTY, reason(""));
        assertEquals(TokenRejection.EMPTY, reason(null));
        assertEquals(TokenRejection.UNKNOWN_VERSION, reason("https://example.org"));
        assertEquals(TokenRejection.NOT_ENCODED, reason("K1abc"));
        assertEquals(TokenRejection.WRONG_LENGTH, reason(token.substring(0, 62)));
        assertEquals(TokenRejection.NOT_ENCODED, reason(token.substring(0, token.length() - 1)));
    }

    @Test
    void randomGarbageNeverThrows() {
        Random random = new Random(2026);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(140)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = random.nextBoolean() ? Base45.ALPHABET.charAt(random.nextInt(45)) : (char) random.nextInt(0x3000);
            }
            String text = (random.nextBoolean() ? "K1" : "") + new String(chars);
            assertInstanceOf(Verification.Rejected.class, verifier.verify(text));
        }
    }

    private TokenRejection reason(String text) {
        return assertInstanceOf(Verification.Rejected.class, verifier.verify(text)).reason();
    }
}
