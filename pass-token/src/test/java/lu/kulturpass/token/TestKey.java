package lu.kulturpass.token;

import java.util.Arrays;
import java.util.HexFormat;

/** The published test key of test-vectors.txt, and the signer and verifier that use it. */
record TestKey(int keyId, byte[] privateKey, byte[] publicKey) {

    static TestKey load() {
        TestVectors.Vector key = TestVectors.ofKind("test-key").get(0);
        HexFormat hex = HexFormat.of();
        return new TestKey(Integer.parseInt(key.field("key-id")), hex.parseHex(key.field("private-key-seed")),
                hex.parseHex(key.field("public-key")));
    }

    PassTokenSigner signer() {
        return new PassTokenSigner(keyId, privateKey);
    }

    /** A verifier that knows this key under its key id, and no other key. */
    PassTokenVerifier verifier() {
        return new PassTokenVerifier(id -> id == keyId ? Arrays.copyOf(publicKey, publicKey.length) : null);
    }
}
