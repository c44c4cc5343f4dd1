package lu.kulturpass.core.audit;

import java.util.ArrayList;
import java.util.List;
import lu.kulturpass.core.statistics.ProgrammeFigures;
import lu.kulturpass.platform.programme.HouseholdSituation;
import lu.kulturpass.platform.programme.ProgrammeWords;
import lu.kulturpass.platform.words.Language;
import lu.kulturpass.platform.words.Words;

/**
 * The annual-report figures as a file reads them (the CSV export, the PDF report), in words of one language: each
 * figure's name, each group's (a household situation in words, not its code), and every hidden cell (a small group, or
 * one hidden with it so that the small one cannot be computed from the total: {@code SmallCells}) reading "hidden".
 */
final class ProgrammeReport {

    /** One figure: its name, the group of a breakdown it counts (empty for a total), and its value. */
    record Line(String figure, String group, Object value) {
    }

    private final ProgrammeFigures figures;
    private final Language language;
    private final AuditWords words;
    private final ProgrammeWords programme;

    ProgrammeReport(ProgrammeFigures figures, Language language) {
        this.figures = figures;
        this.language = language;
        this.words = Words.in(AuditWords.class, language);
        this.programme = Words.in(ProgrammeWords.class, language);
    }

    AuditWords words() {
        return words;
    }

    Language language() {
        return language;
    }

    ProgrammeFigures figures() {
        return figures;
    }

    /** The totals, then the breakdowns by age band, household situation and municipality. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>(totals());
        lines.addAll(breakdown(words.byAgeBand(), figures.byAgeBand()));
        lines.addAll(breakdown(words.byHouseholdSituation(), figures.byHouseholdSituation()));
        lines.addAll(breakdown(words.byMunicipality(), figures.byMunicipality()));
        return lines;
    }

    List<Line> totals() {
        return List.of(new Line(words.from(), "", figures.from()), new Line(words.to(), "", figures.to()),
                new Line(words.passesIssued(), "", figures.passesIssued()),
                new Line(words.peopleEnrolled(), "", figures.peopleEnrolledSuppressed() ? words.hiddenCell() : figures.peopleEnrolled()),
                new Line(words.usesLabel(), "", figures.admissions()), new Line(words.refusals(), "", figures.refusals()),
                new Line(words.peopleReached(), "", figures.peopleReached()), new Line(words.ticketValue(), "", figures.ticketValue()),
                new Line(words.placesOffered(), "", figures.placesOffered()), new Line(words.placesUsed(), "", figures.placesUsed()));
    }

    List<Line> breakdown(String figure, List<ProgrammeFigures.Cell> cells) {
        return cells.stream().map(cell -> new Line(figure, group(cell.group()), cell.suppressed() ? words.hiddenCell() : cell.people()))
                .toList();
    }

    /** A group in words: a household situation's, "unknown"'s; an age band or a municipality as it is. */
    String group(String group) {
        if ("unknown".equals(group)) {
            return words.unknown();
        }
        for (HouseholdSituation situation : HouseholdSituation.values()) {
            if (situation.name().equals(group)) {
                return programme.householdSituation(situation);
            }
        }
        return group;
    }
}
