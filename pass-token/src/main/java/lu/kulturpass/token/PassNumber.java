package lu.kulturpass.token;

/**
 * The pass number printed on the card and typed by hand when a QR code will not scan: the 40-bit pass
 * id in Crockford's base 32 (no I, L, O, U), grouped as {@code XXXX-XXXX}, plus one check character
 * (Luhn mod 32) that catches any single wrong character and any swap of two neighbours but
 * one ({@code 0Z} for {@code Z0}, as Luhn mod 10 misses {@code 09} for {@code 90}).
 */
public final class PassNumber {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private PassNumber() {
    }

    public static String format(long passId) {
        if (passId < 0 || passId > PassClaims.MAX_PASS_ID) {
            throw new IllegalArgumentException("pass id out of range");
        }
        char[] digits = new char[8];
        long rest = passId;
        for (int i = 7; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (rest & 31));
            rest >>>= 5;
        }
        String body = new String(digits);
        return body.substring(0, 4) + "-" + body.substring(4) + "-" + checkCharacter(body);
    }

    /**
     * Reads a typed pass number; tolerant of case, spaces, dashes and the look-alikes O/I/L. Refuses any
     * character outside ASCII (upper-casing one can yield an ASCII letter: dotless i becomes I, sharp s SS).
     */
    public static java.util.OptionalLong parse(String typed) {
        if (typed == null || !typed.chars().allMatch(c -> c < 128)) {
            return java.util.OptionalLong.empty();
        }
        String text = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (text.length() != 9) {
            return java.util.OptionalLong.empty();
        }
        String body = text.substring(0, 8);
        long value = 0;
        for (char c : body.toCharArray()) {
            int digit = ALPHABET.indexOf(c);
            if (digit < 0) {
                return java.util.OptionalLong.empty();
            }
            value = (value << 5) | digit;
        }
        return checkCharacter(body) == text.charAt(8) ? java.util.OptionalLong.of(value) : java.util.OptionalLong.empty();
    }

    private static char checkCharacter(String body) {
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        return ALPHABET.charAt((32 - sum % 32) % 32);
    }
}
