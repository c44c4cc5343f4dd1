package lu.kulturpass.eligibility.beneficiary;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The two letters printed in the pass token for the check at the door: first letter of the first name
 * and of the last name, as on the ID document's Latin transliteration (accents dropped: É becomes E).
 * A name with no Latin letter gives X.
 */
public final class HolderInitials {

    private HolderInitials() {
    }

    public static String of(String firstName, String lastName) {
        return String.valueOf(firstLatinLetter(firstName)) + firstLatinLetter(lastName);
    }

    private static char firstLatinLetter(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ß", "SS").replace("Ø", "O").replace("ø", "O").replace("Æ", "AE").replace("æ", "AE")
                .replace("Ł", "L").replace("ł", "L").toUpperCase(Locale.ROOT);
        for (char c : plain.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                return c;
            }
        }
        return 'X';
    }
}
