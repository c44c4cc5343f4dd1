package lu.kulturpass.core.statistics;

import lu.kulturpass.platform.words.Words;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import lu.kulturpass.platform.problem.ProblemException;

/**
 * The period a report covers: by default the programme's current calendar year (the year of {@code today}, the
 * {@code ProgrammeCalendar}'s), at most 10 years, 'to' not before 'from'.
 */
public record Period(LocalDate from, LocalDate to) {

    public static Period of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : start.plusYears(1).minusDays(1);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest(Words.of(StatisticsWords.class).periodBackwards(end.toString(), start.toString()));
        }
        if (start.plusYears(10).isBefore(end)) {
            throw ProblemException.badRequest(Words.of(StatisticsWords.class).periodTooLong());
        }
        return new Period(start, end);
    }

    /** Every month the period touches, as YYYY-MM, oldest first. */
    public List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /** For file names: 2026-01-01_2026-12-31. */
    public String label() {
        return from + "_" + to;
    }
}
