package lu.kulturpass.platform.account;

import java.security.SecureRandom;

/**
 * A one-time password for a new account, handed over by the person who invited them; Keycloak makes them choose their
 * own at the first sign-in (temporary credential, required action UPDATE_PASSWORD). 20 characters in four groups, from
 * an alphabet without look-alikes (no 0/O, 1/l/I): past the realm's policy of 12 characters, easy to read out or type.
 */
final class TemporaryPassword {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPassword() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 5; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
