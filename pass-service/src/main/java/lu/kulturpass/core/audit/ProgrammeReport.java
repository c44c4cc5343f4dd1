package lu.kulturpass.core.audit;

import java.util.List;
import lu.kulturpass.core.statistics.ProgrammeFigures;
import lu.kulturpass.platform.csv.SpreadsheetCsv;

/**
 * How the annual-report figures read in a file: every hidden cell (a small group, or one hidden with it so that
 * the small one cannot be computed from the total: {@code SmallCells}) reads the same, {@value #HIDDEN}.
 */
final class ProgrammeReport {

    static final String HIDDEN = "hidden";

    private ProgrammeReport() {
    }

    static void breakdown(SpreadsheetCsv csv, String figure, List<ProgrammeFigures.Cell> cells) {
        for (ProgrammeFigures.Cell cell : cells) {
            csv.row("people_by_" + figure, cell.group(), cell.suppressed() ? HIDDEN : cell.people());
        }
    }

    /** The people enrolled, or {@value #HIDDEN} when even the total had to be hidden. */
    static Object peopleEnrolled(ProgrammeFigures figures) {
        return figures.peopleEnrolledSuppressed() ? HIDDEN : figures.peopleEnrolled();
    }
}
