package lu.kulturpass.eligibility.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an agency's list, with the headers an import accepts in French, German or English
 * (case, accents, spaces and punctuation ignored) and the header an export writes in each language.
 */
public enum CsvColumn {
    HOUSEHOLD("ménage", "Haushalt", "household", List.of("foyer")),
    LAST_NAME("nom", "Nachname", "last name", List.of("nom de famille", "familienname", "surname")),
    FIRST_NAME("prénom", "Vorname", "first name", List.of("given name")),
    BIRTH_DATE("date de naissance", "Geburtsdatum", "birth date", List.of("né le", "geboren am", "date of birth")),
    HOUSEHOLD_SITUATION("situation du ménage", "Haushaltssituation", "household situation", List.of("situation familiale")),
    MUNICIPALITY("commune", "Gemeinde", "municipality", List.of()),
    CRITERION("critère", "Kriterium", "criterion", List.of()),
    EVIDENCE_KIND("justificatif", "Nachweis", "evidence", List.of("pièce justificative", "evidence kind")),
    EVIDENCE_ISSUER("émis par", "Aussteller", "issuer", List.of("émetteur", "ausgestellt von")),
    EVIDENCE_NUMBER("numéro", "Nummer", "number", List.of("référence", "aktenzeichen", "reference")),
    EVIDENCE_DATE("date du justificatif", "Datum des Nachweises", "evidence date", List.of("nachweisdatum"));

    private static final Map<String, CsvColumn> BY_HEADER = new HashMap<>();

    static {
        for (CsvColumn column : values()) {
            for (String header : column.accepted()) {
                BY_HEADER.put(normalise(header), column);
            }
        }
    }

    private final String french;
    private final String german;
    private final String english;
    private final List<String> others;

    CsvColumn(String french, String german, String english, List<String> others) {
        this.french = french;
        this.german = german;
        this.english = english;
        this.others = others;
    }

    private List<String> accepted() {
        List<String> all = new java.util.ArrayList<>(List.of(french, german, english, name()));
        all.addAll(others);
        return all;
    }

    public String header(String language) {
        return switch (language) {
            case "de" -> german;
            case "en" -> english;
            default -> french;
        };
    }

    /** The column a header names, if any. */
    public static Optional<CsvColumn> of(String header) {
        return Optional.ofNullable(BY_HEADER.get(normalise(header)));
    }

    static String normalise(String header) {
        return Normalizer.normalize(header.replace("\uFEFF", ""), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
