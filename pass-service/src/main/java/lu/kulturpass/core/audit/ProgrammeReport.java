package lu.kulturpass.core.audit;

import java.util.List;
import lu.kulturpass.core.statistics.ProgrammeFigures;
import lu.kulturpass.platform.csv.SpreadsheetCsv;

/** How the annual-report figures read in a file: hidden small groups as "< 5" (the smallest publishable group). */
final class ProgrammeReport {

    private ProgrammeReport() {
    }

    static void breakdown(SpreadsheetCsv csv, int smallestCell, String figure, List<ProgrammeFigures.Cell> cells) {
        for (ProgrammeFigures.Cell cell : cells) {
            csv.row("people_by_" + figure, cell.group(), cell.suppressed() ? "< " + smallestCell : cell.people());
        }
    }
}
