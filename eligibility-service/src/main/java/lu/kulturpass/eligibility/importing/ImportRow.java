package lu.kulturpass.eligibility.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lu.kulturpass.eligibility.criterion.Criterion;
import lu.kulturpass.eligibility.enrolment.DecisionRequest;
import lu.kulturpass.eligibility.enrolment.EnrolRequest;
import lu.kulturpass.eligibility.enrolment.HouseholdSituation;

/** One row of an import, checked: a household member, their household's categories, and the evidence seen (optional). */
record ImportRow(long line, String household, EnrolRequest.Member member, HouseholdSituation situation, String municipality,
                 String criterion, DecisionRequest.Evidence evidence) {

    /** A row that cannot be imported, with the reason a person can fix. */
    static final class BadRow extends RuntimeException {
        BadRow(String reason) {
            super(reason);
        }
    }

    /** Strict: 31.02.1990 is refused, not moved to the 28th. */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            strict("d.M.uuuu"), strict("d/M/uuuu"), strict("d-M-uuuu"));

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    private static final Map<String, HouseholdSituation> SITUATIONS = Map.ofEntries(
            Map.entry("personneseule", HouseholdSituation.SINGLE_ADULT), Map.entry("alleinstehend", HouseholdSituation.SINGLE_ADULT),
            Map.entry("famillemonoparentale", HouseholdSituation.SINGLE_PARENT), Map.entry("alleinerziehend", HouseholdSituation.SINGLE_PARENT),
            Map.entry("couplesansenfants", HouseholdSituation.COUPLE_WITHOUT_CHILDREN), Map.entry("paarohnekinder", HouseholdSituation.COUPLE_WITHOUT_CHILDREN),
            Map.entry("coupleavecenfants", HouseholdSituation.COUPLE_WITH_CHILDREN), Map.entry("paarmitkindern", HouseholdSituation.COUPLE_WITH_CHILDREN),
            Map.entry("autre", HouseholdSituation.OTHER), Map.entry("andere", HouseholdSituation.OTHER));

    /** Reads and checks the row's cells (by column); a {@link BadRow} names the first problem. */
    static ImportRow read(long line, Map<CsvColumn, String> cells, Map<String, Criterion> criteria, LocalDate today) {
        String firstName = required(cells, CsvColumn.FIRST_NAME, "first name");
        String lastName = required(cells, CsvColumn.LAST_NAME, "last name");
        LocalDate birthDate = date(required(cells, CsvColumn.BIRTH_DATE, "birth date"), "birth date");
        if (!birthDate.isBefore(today) || birthDate.isBefore(LocalDate.of(1900, 1, 1))) {
            throw new BadRow("birth date " + birthDate + " is not between 1900 and yesterday");
        }
        String household = cells.getOrDefault(CsvColumn.HOUSEHOLD, "").strip();
        String municipality = limited(cells.get(CsvColumn.MUNICIPALITY), "municipality");
        HouseholdSituation situation = situation(cells.get(CsvColumn.HOUSEHOLD_SITUATION));
        String criterionCode = cells.getOrDefault(CsvColumn.CRITERION, "").strip().toUpperCase(Locale.ROOT);
        DecisionRequest.Evidence evidence = null;
        if (!criterionCode.isEmpty()) {
            Criterion criterion = criteria.get(criterionCode);
            if (criterion == null) {
                throw new BadRow("criterion " + criterionCode + " is unknown or retired");
            }
            LocalDate evidenceDate = date(required(cells, CsvColumn.EVIDENCE_DATE, "evidence date"), "evidence date");
            evidence = new DecisionRequest.Evidence(required(cells, CsvColumn.EVIDENCE_KIND, "evidence"),
                    required(cells, CsvColumn.EVIDENCE_ISSUER, "issuer"), limited(cells.get(CsvColumn.EVIDENCE_NUMBER), "number"), evidenceDate);
            if (!criterion.proofCounts(evidenceDate, today)) {
                throw new BadRow("the evidence dated " + evidenceDate + " no longer counts for " + criterionCode
                        + " (" + criterion.proofValidMonths + " months)");
            }
        }
        return new ImportRow(line, household, new EnrolRequest.Member(firstName, lastName, birthDate), situation,
                municipality, criterionCode.isEmpty() ? null : criterionCode, evidence);
    }

    private static String required(Map<CsvColumn, String> cells, CsvColumn column, String what) {
        String value = cells.getOrDefault(column, "").strip();
        if (value.isEmpty()) {
            throw new BadRow(what + " is empty");
        }
        return limited(value, what);
    }

    private static String limited(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 100) {
            throw new BadRow(what + " is longer than 100 characters");
        }
        return value.strip();
    }

    private static LocalDate date(String text, String what) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new BadRow(what + " \"" + text + "\" is not a date (write 2026-03-31, 31.03.2026 or 31/03/2026)");
    }

    private static HouseholdSituation situation(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = CsvColumn.normalise(text);
        for (HouseholdSituation situation : HouseholdSituation.values()) {
            if (CsvColumn.normalise(situation.name()).equals(key)) {
                return situation;
            }
        }
        HouseholdSituation situation = SITUATIONS.get(key);
        if (situation == null) {
            throw new BadRow("household situation \"" + text + "\" is not one of SINGLE_ADULT, SINGLE_PARENT, "
                    + "COUPLE_WITHOUT_CHILDREN, COUPLE_WITH_CHILDREN, OTHER");
        }
        return situation;
    }
}
