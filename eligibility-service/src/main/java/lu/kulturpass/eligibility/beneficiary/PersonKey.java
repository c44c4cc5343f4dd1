package lu.kulturpass.eligibility.beneficiary;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The same person as another agency enrolled them: the names without accents, case, hyphens or
 * apostrophes, their words in alphabetical order (so "Silva Ana" and "Ana Silva" match), and the
 * birth date. Used only inside this service, never shown.
 */
public final class PersonKey {

    private PersonKey() {
    }

    public static String of(String firstName, String lastName, LocalDate birthDate) {
        String plain = Normalizer.normalize(firstName + " " + lastName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("æ", "ae").replace("Æ", "ae")
                .replace("ł", "l").replace("Ł", "l").toLowerCase(Locale.ROOT);
        String words = Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).sorted()
                .collect(Collectors.joining(" "));
        return words + "|" + birthDate;
    }

    /** A search text in the same form, to match against keys. */
    public static String searchText(String text) {
        String key = of(text, "", LocalDate.EPOCH);
        return key.substring(0, key.indexOf('|'));
    }
}
