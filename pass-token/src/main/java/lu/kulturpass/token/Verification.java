package lu.kulturpass.token;

/** The outcome of checking a scanned token: verified claims, or a typed reason for refusing it. */
public sealed interface Verification {

    record Verified(int keyId, PassClaims claims) implements Verification {
    }

    record Rejected(TokenRejection reason) implements Verification {
    }
}
