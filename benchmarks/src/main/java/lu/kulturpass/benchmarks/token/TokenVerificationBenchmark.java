package lu.kulturpass.benchmarks.token;

import java.util.concurrent.TimeUnit;
import lu.kulturpass.token.PassTokenVerifier;
import lu.kulturpass.token.SignatureLibrary;
import lu.kulturpass.token.Verification;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Token verifications per second on one thread: {@link PassTokenVerifier#verify} on valid tokens with the
 * library in use here (AWS-LC on Linux x86-64) and with BouncyCastle, against BouncyCastle's Ed25519
 * verifying the same message and signature with the public key decoded once (the floor the BouncyCastle
 * verifier can approach), and with the key decoded on every call. See docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenVerificationBenchmark {

    private SignedTokens signed;
    private PassTokenVerifier verifier;
    private PassTokenVerifier bouncyCastleVerifier;
    private Ed25519PublicKeyParameters decodedKey;
    private int next;

    @Setup
    public void setUp() {
        signed = new SignedTokens();
        verifier = new PassTokenVerifier(signed::publicKey);
        bouncyCastleVerifier = new PassTokenVerifier(signed::publicKey, SignatureLibrary.BOUNCY_CASTLE);
        decodedKey = new Ed25519PublicKeyParameters(signed.key.publicKey(), 0);
        for (String token : signed.tokens) {
            if (!(verifier.verify(token) instanceof Verification.Verified)
                    || !(bouncyCastleVerifier.verify(token) instanceof Verification.Verified)) {
                throw new IllegalStateException("benchmark token does not verify: " + token);
            }
        }
    }

    @Benchmark
    public Verification passTokenVerifier() {
        return verifier.verify(signed.tokens[nextIndex()]);
    }

    @Benchmark
    public Verification passTokenVerifierBouncyCastle() {
        return bouncyCastleVerifier.verify(signed.tokens[nextIndex()]);
    }

    @Benchmark
    public boolean rawBouncyCastleKeyDecodedOnce() {
        int i = nextIndex();
        byte[] message = signed.messages[i];
        return decodedKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signed.signatures[i], 0);
    }

    @Benchmark
    public boolean rawBouncyCastleKeyDecodedEachCall() {
        int i = nextIndex();
        byte[] message = signed.messages[i];
        return Ed25519.verify(signed.signatures[i], 0, signed.key.publicKey(), 0, message, 0, message.length);
    }

    private int nextIndex() {
        next = (next + 1) & (SignedTokens.COUNT - 1);
        return next;
    }
}
