package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every record of test-vectors.txt, and that docs/pass-token.md publishes exactly those vectors. */
class PassTokenVectorsTest {

    private static final TestKey KEY = TestKey.load();

    private final PassTokenSigner signer = KEY.signer();
    private final PassTokenVerifier verifier = KEY.verifier();

    @Test
    void testKeySeedYieldsTheListedPublicKey() {
        assertArrayEquals(KEY.publicKey(), SigningKeyPair.publicKeyOf(KEY.privateKey()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void claimsSignToExactlyTheListedTokenAndPassNumber(TestVectors.Vector vector) {
        PassClaims claims = claims(vector.field("claims"));
        assertEquals(vector.field("text"), signer.sign(claims));
        assertEquals(vector.field("pass-number"), PassNumber.format(claims.passId()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void listedTokenVerifiesBackToItsClaims(TestVectors.Vector vector) {
        assertEquals(new Verification.Verified(KEY.keyId(), claims(vector.field("claims"))),
                verifier.verify(vector.field("text")));
        assertEquals(OptionalLong.of(claims(vector.field("claims")).passId()), PassNumber.parse(vector.field("pass-number")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void listedInvalidInputIsRejectedWithItsReason(TestVectors.Vector vector) {
        TokenRejection reason = TokenRejection.valueOf(vector.field("reason"));
        assertEquals(new Verification.Rejected(reason), verifier.verify(vector.field("text")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedPassNumbers")
    void typedPassNumberReadsAsListed(TestVectors.Vector vector) {
        String passId = vector.field("pass-id");
        OptionalLong expected = passId.equals("none") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(passId));
        assertEquals(expected, PassNumber.parse(vector.field("text")));
    }

    @Test
    void everyRejectionReasonReachableFromTextHasAVector() {
        var listed = rejections().map(vector -> TokenRejection.valueOf(vector.field("reason"))).collect(Collectors.toSet());
        assertEquals(Arrays.stream(TokenRejection.values()).collect(Collectors.toSet()), listed);
    }

    @Test
    void formatDocumentShowsTheseVectorsVerbatim() throws IOException {
        String document = Files.readString(Path.of("..", "docs", "pass-token.md"));
        assertTrue(document.contains(TestVectors.text()), "docs/pass-token.md must include " + TestVectors.RESOURCE + " as is");
    }

    static Stream<TestVectors.Vector> tokens() {
        return TestVectors.ofKind("token").stream();
    }

    static Stream<TestVectors.Vector> rejections() {
        return TestVectors.ofKind("rejected").stream();
    }

    static Stream<TestVectors.Vector> typedPassNumbers() {
        return TestVectors.ofKind("typed-pass-number").stream();
    }

    private static PassClaims claims(String text) {
        Map<String, String> f = Arrays.stream(text.split(" "))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        return new PassClaims(Long.parseLong(f.get("pass-id")), LocalDate.parse(f.get("valid-from")),
                LocalDate.parse(f.get("valid-until")), PassCategory.valueOf(f.get("category")),
                Integer.parseInt(f.get("group-size")), f.get("initials"), Integer.parseInt(f.get("birth-year")));
    }
}
