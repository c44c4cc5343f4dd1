package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Jazzer fuzz tests. Under {@code mvn verify} they replay the seed inputs in
 * {@code src/test/resources/lu/kulturpass/token/PassTokenFuzzTestInputs}; with {@code JAZZER_FUZZ=1} Jazzer
 * mutates inputs for real (see docs/pass-token.md, "Fuzzing").
 */
class PassTokenFuzzTest {

    private static final TestKey KEY = TestKey.load();
    private static final Map<Character, Character> LOOK_ALIKES = lowerCaseAnd(Map.of('O', '0', 'I', '1', 'L', '1'));
    private final PassTokenVerifier verifier = KEY.verifier();
    private final PassTokenSigner signer = KEY.signer();

    /**
     * Each input is tried twice: as scanned text, and as the 80 bytes under the "K1" prefix (which reaches
     * the signature check). Nothing may throw, and only the exact token the test key signs may verify.
     */
    @FuzzTest(maxDuration = "10s")
    void verifierNeverThrowsAndAcceptsOnlyTokensSignedByTheKey(byte[] input) {
        assertOnlyGenuineTokensVerify(new String(input, StandardCharsets.UTF_8));
        assertOnlyGenuineTokensVerify(PassTokenFormat.PREFIX + Base45.encode(input));
    }

    /**
     * Text is either refused, or it is the printed number of the pass id it yields, character by character,
     * up to case, spaces and dashes, and the look-alikes O (zero) and I, L (one).
     */
    @FuzzTest(maxDuration = "10s")
    void passNumberParsingNeverThrowsAndAcceptsOnlyCheckedNumbers(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        OptionalLong passId = PassNumber.parse(typed);
        if (passId.isPresent()) {
            String printed = PassNumber.format(passId.getAsLong()).replace("-", "");
            String significant = typed.replaceAll("[\\s-]", "");
            assertEquals(printed.length(), significant.length(), typed);
            for (int i = 0; i < printed.length(); i++) {
                char expected = printed.charAt(i);
                char actual = significant.charAt(i);
                assertTrue(actual == expected || Character.valueOf(expected).equals(LOOK_ALIKES.get(actual)), typed);
            }
        }
    }

    private void assertOnlyGenuineTokensVerify(String text) {
        Verification result = verifier.checkWithoutSafetyNet(text);
        if (result instanceof Verification.Verified verified) {
            assertEquals(KEY.keyId(), verified.keyId());
            assertEquals(signer.sign(verified.claims()), text.strip(), "verified a token the key never signed");
        } else {
            assertTrue(result instanceof Verification.Rejected);
        }
    }

    /** The typed letters that stand for a printed character: its lower case, and the look-alikes in both cases. */
    private static Map<Character, Character> lowerCaseAnd(Map<Character, Character> lookAlikes) {
        Map<Character, Character> all = new HashMap<>(lookAlikes);
        lookAlikes.forEach((letter, digit) -> all.put(Character.toLowerCase(letter), digit));
        for (char c : PassNumber.ALPHABET.toCharArray()) {
            all.put(Character.toLowerCase(c), c);
        }
        return Map.copyOf(all);
    }
}
