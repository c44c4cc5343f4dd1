package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the token format over arbitrary claims and arbitrary input, checked by jqwik. */
class PassTokenPropertiesTest {

    private static final int KEY_ID = 7;
    private static final SigningKeyPair KEY = SigningKeyPair.generate();

    private final PassTokenSigner signer = new PassTokenSigner(KEY_ID, KEY.privateKey());
    private final PassTokenVerifier verifier = new PassTokenVerifier(Map.of(KEY_ID, KEY.publicKey())::get);

    @Property
    void anyValidClaimsSurviveSigningAndVerifying(@ForAll("claims") PassClaims claims) {
        Verification.Verified verified = assertInstanceOf(Verification.Verified.class, verifier.verify(signer.sign(claims)));
        assertEquals(KEY_ID, verified.keyId());
        assertEquals(claims, verified.claims());
    }

    @Property
    void everyTokenIsExactly122QrAlphanumericCharacters(@ForAll("claims") PassClaims claims) {
        String token = signer.sign(claims);
        assertEquals(122, token.length());
        assertEquals(token.length(), token.chars().filter(c -> Base45.ALPHABET.indexOf(c) >= 0).count(), token);
    }

    @Property
    void anySingleBitFlippedInTheDecodedBytesIsRejected(@ForAll("claims") PassClaims claims,
                                                         @ForAll @IntRange(max = 80 * 8 - 1) int bit) {
        byte[] body = Base45.decode(signer.sign(claims).substring(PassTokenFormat.PREFIX.length()));
        body[bit / 8] ^= (byte) (1 << (bit % 8));
        TokenRejection expected = bit < 16 ? TokenRejection.UNKNOWN_KEY : TokenRejection.BAD_SIGNATURE;
        assertEquals(new Verification.Rejected(expected), verifier.verify(PassTokenFormat.PREFIX + Base45.encode(body)));
    }

    @Property
    void anySingleChangedCharacterIsRejected(@ForAll("claims") PassClaims claims,
                                             @ForAll @IntRange(max = 121) int position, @ForAll char replacement) {
        String token = signer.sign(claims);
        String altered = token.substring(0, position) + replacement + token.substring(position + 1);
        if (!altered.equals(token)) {
            assertInstanceOf(Verification.Rejected.class, verifier.verify(altered), altered);
        }
    }

    @Property(tries = 5000)
    void arbitraryTextIsRejectedWithoutAnyException(@ForAll("scannedText") String text) {
        assertInstanceOf(Verification.Rejected.class, verifier.checkWithoutSafetyNet(text));
    }

    @Provide
    Arbitrary<PassClaims> claims() {
        return PassClaimsArbitraries.validClaims();
    }

    @Provide
    Arbitrary<String> scannedText() {
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> base45 = Arbitraries.strings().withChars(Base45.ALPHABET.toCharArray()).ofMaxLength(130);
        return Arbitraries.oneOf(anyText, base45.map(body -> PassTokenFormat.PREFIX + body));
    }
}
