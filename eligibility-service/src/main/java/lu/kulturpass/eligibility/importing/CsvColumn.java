package lu.kulturpass.eligibility.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lu.kulturpass.eligibility.words.ImportWords;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;

/**
 * The columns of an agency's list. The export writes each column's header in the chosen language
 * ({@link ImportWords#column}); the import reads a header in any of the programme's languages, the column's name, or
 * one of the other ways spreadsheets name it (case, accents, spaces and punctuation ignored).
 */
public enum CsvColumn {
    HOUSEHOLD("foyer"),
    LAST_NAME("nom de famille", "familienname", "surname"),
    FIRST_NAME("given name"),
    BIRTH_DATE("né le", "geboren am", "date of birth"),
    HOUSEHOLD_SITUATION("situation familiale"),
    MUNICIPALITY,
    CRITERION,
    EVIDENCE_KIND("pièce justificative", "evidence kind"),
    EVIDENCE_ISSUER("émetteur", "ausgestellt von"),
    EVIDENCE_NUMBER("référence", "aktenzeichen", "reference"),
    EVIDENCE_DATE("nachweisdatum");

    /** Read on first use, from the catalogue (which needs the running application). */
    private static volatile Map<String, CsvColumn> byHeader;

    private final List<String> others;

    CsvColumn(String... others) {
        this.others = List.of(others);
    }

    /** The column's header in a language, as the export writes it. */
    public String header(Language language) {
        return Words.in(ImportWords.class, language).column(this);
    }

    /** The column a header names, if any. */
    public static Optional<CsvColumn> of(String header) {
        return Optional.ofNullable(byHeader().get(normalise(header)));
    }

    private static Map<String, CsvColumn> byHeader() {
        if (byHeader == null) {
            Map<String, CsvColumn> headers = new HashMap<>();
            for (CsvColumn column : values()) {
                for (Language language : Language.values()) {
                    accept(headers, column.header(language), column);
                }
                accept(headers, column.name(), column);
                column.others.forEach(other -> accept(headers, other, column));
            }
            byHeader = Map.copyOf(headers);
        }
        return byHeader;
    }

    private static void accept(Map<String, CsvColumn> headers, String header, CsvColumn column) {
        CsvColumn before = headers.putIfAbsent(normalise(header), column);
        if (before != null && before != column) {
            throw new IllegalStateException("the header \"" + header + "\" would name both " + before + " and " + column);
        }
    }

    static String normalise(String header) {
        return Normalizer.normalize(header.replace("\uFEFF", ""), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
