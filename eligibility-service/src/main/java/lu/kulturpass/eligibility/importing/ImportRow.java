package lu.kulturpass.eligibility.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lu.kulturpass.eligibility.criterion.Criterion;
import lu.kulturpass.eligibility.enrolment.DecisionRequest;
import lu.kulturpass.eligibility.enrolment.EnrolRequest;
import lu.kulturpass.eligibility.words.ImportWords;
import lu.kulturpass.platform.programme.HouseholdSituation;
import lu.kulturpass.platform.programme.ProgrammeWords;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;

/** One row of an import, checked: a household member, their household's categories, and the evidence seen (optional). */
record ImportRow(long line, String household, EnrolRequest.Member member, HouseholdSituation situation, String municipality,
                 String criterion, DecisionRequest.Evidence evidence) {

    /** A row that cannot be imported, with every problem a person must fix in it, in the caller's words. */
    static final class BadRow extends RuntimeException {
        private final List<String> problems;

        BadRow(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        BadRow(String problem) {
            this(List.of(problem));
        }

        List<String> problems() {
            return problems;
        }
    }

    /** Strict: 31.02.1990 is refused, not moved to the 28th. */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            strict("d.M.uuuu"), strict("d/M/uuuu"), strict("d-M-uuuu"));

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(java.time.format.ResolverStyle.STRICT);
    }

    /** Words lists wrote before the programme's words said "Autre situation" for OTHER. */
    private static final Map<String, HouseholdSituation> OLDER_SITUATIONS = Map.of(
            "autre", HouseholdSituation.OTHER, "andere", HouseholdSituation.OTHER, "other", HouseholdSituation.OTHER);

    /** Read on first use, from the catalogue (which needs the running application). */
    private static volatile Map<String, HouseholdSituation> situations;

    /**
     * Reads and checks every cell of the row (by column): a {@link BadRow} names every problem found, after those the
     * caller found in the line already ({@code problems}: a wrong number of cells, a control character).
     */
    static ImportRow read(long line, Map<CsvColumn, String> cells, Map<String, Criterion> criteria, LocalDate today,
                          ImportWords words, List<String> problems) {
        Cells row = new Cells(cells, words, problems);
        String firstName = row.required(CsvColumn.FIRST_NAME);
        String lastName = row.required(CsvColumn.LAST_NAME);
        LocalDate birthDate = row.date(row.required(CsvColumn.BIRTH_DATE), CsvColumn.BIRTH_DATE);
        if (birthDate != null && (!birthDate.isBefore(today) || birthDate.isBefore(LocalDate.of(1900, 1, 1)))) {
            problems.add(words.birthDateOutOfRange(birthDate.toString()));
        }
        String household = cells.getOrDefault(CsvColumn.HOUSEHOLD, "").strip();
        String municipality = row.limited(cells.get(CsvColumn.MUNICIPALITY), CsvColumn.MUNICIPALITY);
        HouseholdSituation situation = situation(cells.get(CsvColumn.HOUSEHOLD_SITUATION), words, problems);
        String criterionCell = cells.getOrDefault(CsvColumn.CRITERION, "").strip();
        Criterion criterion = null;
        DecisionRequest.Evidence evidence = null;
        if (!criterionCell.isEmpty()) {
            criterion = criteria.get(CsvColumn.normalise(criterionCell));
            if (criterion == null) {
                problems.add(words.criterionUnknown(criterionCell));
            }
            LocalDate evidenceDate = row.date(row.required(CsvColumn.EVIDENCE_DATE), CsvColumn.EVIDENCE_DATE);
            String kind = row.required(CsvColumn.EVIDENCE_KIND);
            String issuer = row.required(CsvColumn.EVIDENCE_ISSUER);
            String number = row.limited(cells.get(CsvColumn.EVIDENCE_NUMBER), CsvColumn.EVIDENCE_NUMBER);
            if (criterion != null && evidenceDate != null && !criterion.proofCounts(evidenceDate, today)) {
                problems.add(words.proofTooOld(evidenceDate.toString(), criterion.name(),
                        String.valueOf(criterion.proofValidMonths)));
            }
            evidence = new DecisionRequest.Evidence(kind, issuer, number, evidenceDate);
        }
        if (!problems.isEmpty()) {
            throw new BadRow(problems);
        }
        return new ImportRow(line, household, new EnrolRequest.Member(firstName, lastName, birthDate), situation,
                municipality, criterion == null ? null : criterion.code, evidence);
    }

    /** The criteria a cell may name, by code or by name in any language (normalised as headers are). */
    static Map<String, Criterion> byCell(List<Criterion> criteria) {
        Map<String, Criterion> byCell = new HashMap<>();
        for (Criterion criterion : criteria) {
            for (Language language : Language.values()) {
                byCell.putIfAbsent(CsvColumn.normalise(criterion.name(language)), criterion);
            }
        }
        criteria.forEach(criterion -> byCell.put(CsvColumn.normalise(criterion.code), criterion));
        return byCell;
    }

    /** A row's cells, read with the problems each one has. */
    private record Cells(Map<CsvColumn, String> cells, ImportWords words, List<String> problems) {

        String required(CsvColumn column) {
            String value = cells.getOrDefault(column, "").strip();
            if (value.isEmpty()) {
                problems.add(words.cellEmpty(words.column(column)));
                return null;
            }
            return limited(value, column);
        }

        String limited(String value, CsvColumn column) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.strip().length() > 100) {
                problems.add(words.cellTooLong(words.column(column)));
                return null;
            }
            return value.strip();
        }

        LocalDate date(String text, CsvColumn column) {
            if (text == null) {
                return null;
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(text, format);
                } catch (DateTimeParseException ignored) {
                    // try the next format
                }
            }
            problems.add(words.notADate(words.column(column), text));
            return null;
        }
    }

    private static HouseholdSituation situation(String text, ImportWords words, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        HouseholdSituation situation = situations().get(CsvColumn.normalise(text));
        if (situation == null) {
            ProgrammeWords programme = Words.of(ProgrammeWords.class);
            problems.add(words.situationUnknown(text, Arrays.stream(HouseholdSituation.values())
                    .map(programme::householdSituation).collect(Collectors.joining(", "))));
        }
        return situation;
    }

    /** A situation as a cell may say it: its code, its words in any language, or the words of older lists. */
    private static Map<String, HouseholdSituation> situations() {
        if (situations == null) {
            Map<String, HouseholdSituation> all = new HashMap<>(OLDER_SITUATIONS);
            for (HouseholdSituation situation : HouseholdSituation.values()) {
                all.put(CsvColumn.normalise(situation.name()), situation);
                for (Language language : Language.values()) {
                    all.put(CsvColumn.normalise(Words.in(ProgrammeWords.class, language).householdSituation(situation)), situation);
                }
            }
            situations = Map.copyOf(all);
        }
        return situations;
    }
}
