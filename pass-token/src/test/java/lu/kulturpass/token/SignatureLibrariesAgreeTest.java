package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.lang.reflect.InvocationTargetException;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;

/** AWS-LC and BouncyCastle give the same verdict on the same scanned text; AWS-LC is the one used on our Linux x86-64 machines. */
class SignatureLibrariesAgreeTest {

    private static final int KEY_ID = 3;
    private static final SigningKeyPair KEY = SigningKeyPair.generate();
    /** The order of the curve's base point (RFC 8032, L). */
    private static final BigInteger ORDER = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private final PassTokenSigner signer = new PassTokenSigner(KEY_ID, KEY.privateKey());
    private final PassTokenVerifier awsLc = new PassTokenVerifier(Map.of(KEY_ID, KEY.publicKey())::get, SignatureLibrary.AWS_LC);
    private final PassTokenVerifier bouncyCastle = new PassTokenVerifier(Map.of(KEY_ID, KEY.publicKey())::get, SignatureLibrary.BOUNCY_CASTLE);

    @Test
    void awsLcChecksTheSignaturesOnLinuxX86_64() {
        String system = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String processor = System.getProperty("os.arch");
        boolean ourMachines = system.contains("linux") && (processor.equals("amd64") || processor.equals("x86_64"));
        if (ourMachines && System.getProperty(SignatureLibrary.CHOICE) == null) {
            assertEquals(SignatureLibrary.AWS_LC, SignatureLibrary.inUse(), SignatureLibrary.whyInUse());
        } else {
            assertTrue(SignatureLibrary.whyInUse().length() > 0);
        }
    }

    @Test
    void theLibraryCanBeChosenAndAWrongChoiceStopsTheStartWithAClearMessage() throws Exception {
        SignatureLibrary.inUse(); // the choice of this JVM is made before the property is set below
        assertEquals("BOUNCY_CASTLE", chosenInAFreshClassLoader("bouncy-castle"));
        ExceptionInInitializerError wrong = assertThrows(ExceptionInInitializerError.class, () -> chosenInAFreshClassLoader("libsodium"));
        assertEquals("-D" + SignatureLibrary.CHOICE + " must be aws-lc or bouncy-castle, not libsodium", wrong.getCause().getMessage());
    }

    /** The library the class picks when it loads with the property set, as a service's JVM would at start. */
    private static String chosenInAFreshClassLoader(String choice) throws Exception {
        URL[] classes = Stream.of(SignatureLibrary.class, AmazonCorrettoCryptoProvider.class, Ed25519PublicKeyParameters.class)
                .map(type -> type.getProtectionDomain().getCodeSource().getLocation()).toArray(URL[]::new);
        System.setProperty(SignatureLibrary.CHOICE, choice);
        try (URLClassLoader fresh = new URLClassLoader(classes, ClassLoader.getPlatformClassLoader())) {
            Class<?> library = Class.forName(SignatureLibrary.class.getName(), true, fresh);
            return library.getMethod("inUse").invoke(null).toString();
        } catch (InvocationTargetException thrown) {
            throw (Exception) thrown.getCause();
        } finally {
            System.clearProperty(SignatureLibrary.CHOICE);
        }
    }

    @Property
    void bothAcceptEveryTokenTheSignerMakes(@ForAll("claims") PassClaims claims) {
        String token = signer.sign(claims);
        assertEquals(new Verification.Verified(KEY_ID, claims), awsLc.verify(token));
        assertEquals(new Verification.Verified(KEY_ID, claims), bouncyCastle.verify(token));
    }

    @Property(tries = 2000)
    void bothGiveTheSameVerdictWhenAnyByteOfTheClaimsOrSignatureChanges(@ForAll("claims") PassClaims claims,
                                                                        @ForAll @IntRange(min = 2, max = 79) int position,
                                                                        @ForAll byte value) {
        byte[] body = body(signer.sign(claims));
        body[position] = value;
        String altered = PassTokenFormat.PREFIX + Base45.encode(body);
        assertEquals(bouncyCastle.verify(altered), awsLc.verify(altered), altered);
    }

    @Property(tries = 200)
    void bothRefuseTheSameSignatureWithItsScalarPlusTheGroupOrder(@ForAll("claims") PassClaims claims) {
        byte[] body = body(signer.sign(claims));
        int scalarAt = PassTokenFormat.SIGNED_LENGTH + 32;
        byte[] scalar = new byte[32];
        for (int i = 0; i < 32; i++) {
            scalar[i] = body[scalarAt + 31 - i]; // little-endian in the signature
        }
        byte[] malleated = new BigInteger(1, scalar).add(ORDER).toByteArray();
        byte[] littleEndian = new byte[32];
        for (int i = 0; i < malleated.length && i < 32; i++) {
            littleEndian[i] = malleated[malleated.length - 1 - i];
        }
        System.arraycopy(littleEndian, 0, body, scalarAt, 32);
        String altered = PassTokenFormat.PREFIX + Base45.encode(body);
        assertEquals(new Verification.Rejected(TokenRejection.BAD_SIGNATURE), awsLc.verify(altered));
        assertEquals(new Verification.Rejected(TokenRejection.BAD_SIGNATURE), bouncyCastle.verify(altered));
    }

    @Property(tries = 200)
    void bothRefuseATokenSignedByAnotherKeyUnderThisKeysId(@ForAll("claims") PassClaims claims) {
        String forged = new PassTokenSigner(KEY_ID, SigningKeyPair.generate().privateKey()).sign(claims);
        assertInstanceOf(Verification.Rejected.class, awsLc.verify(forged));
        assertEquals(bouncyCastle.verify(forged), awsLc.verify(forged));
    }

    private static byte[] body(String token) {
        return Base45.decode(token.substring(PassTokenFormat.PREFIX.length()));
    }

    @Provide
    Arbitrary<PassClaims> claims() {
        return PassClaimsArbitraries.validClaims();
    }
}
