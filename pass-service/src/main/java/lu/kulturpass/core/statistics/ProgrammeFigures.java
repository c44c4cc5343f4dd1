package lu.kulturpass.core.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The programme's totals for a period, the figures annual reports publish, with the people enrolled
 * broken down by age band, household situation and municipality. A cell with fewer people than the
 * smallest publishable cell (5) shows no number: small groups could be recognised; and so that no hidden
 * cell can be computed from the total and the cells shown, more cells (or the total) are hidden with it
 * ({@link SmallCells}, the one place of the rule). {@code peopleEnrolled} is null when hidden.
 */
public record ProgrammeFigures(LocalDate from, LocalDate to, long passesIssued, Long peopleEnrolled, long admissions,
                               long refusals, BigDecimal ticketValue, long peopleReached, long placesOffered,
                               long placesUsed, List<Cell> byAgeBand,
                               List<Cell> byHouseholdSituation, List<Cell> byMunicipality, boolean peopleEnrolledSuppressed) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(String group, Long people, boolean suppressed) {
    }

    static ProgrammeFigures of(LocalDate from, LocalDate to, int smallestCell, Figures figures) {
        Object[] usage = figures.rows("""
                select coalesce(sum(admissions), 0), coalesce(sum(refusals), 0), coalesce(sum(ticket_value_cents), 0)
                  from venue_daily_usage where day between ?1 and ?2""", from, to).get(0);
        long reached = figures.number("""
                select count(distinct coalesce(p.holder_ref, cast(m.pass_id as varchar))) from venue_monthly_pass m
                  left join stats_pass p on p.pass_id = m.pass_id where m.month between date_trunc('month', cast(?1 as date)) and ?2""", from, to);
        Object[] places = figures.rows("""
                select coalesce(sum(case when cancelled or starts_at is null then 0 else places_offered end), 0), coalesce(sum(places_used), 0)
                  from performance_places where day between ?1 and ?2""", from, to).get(0);
        long enrolled = figures.number("select count(*) from stats_enrolment where enrolled_on between ?1 and ?2", from, to);
        List<List<Object[]>> breakdowns = List.of(breakdown("age_band", from, to, figures),
                breakdown("household_situation", from, to, figures), breakdown("municipality", from, to, figures));
        boolean totalHidden = breakdowns.stream().anyMatch(rows -> SmallCells.of(people(rows), smallestCell).total());
        List<List<Cell>> published = breakdowns.stream().map(rows -> cells(rows, smallestCell, totalHidden)).toList();
        return new ProgrammeFigures(from, to,
                figures.number("select count(*) from stats_pass where issued_on between ?1 and ?2", from, to),
                totalHidden ? null : enrolled,
                Figures.asLong(usage[0]), Figures.asLong(usage[1]), CulturalPartnerFigures.euros(Figures.asLong(usage[2])), reached,
                Figures.asLong(places[0]), Figures.asLong(places[1]),
                published.get(0), published.get(1), published.get(2), totalHidden);
    }

    private static long[] people(List<Object[]> rows) {
        return rows.stream().mapToLong(r -> Figures.asLong(r[1])).toArray();
    }

    /** The breakdown as published: {@link SmallCells}' rule, every cell hidden when the total is. */
    private static List<Cell> cells(List<Object[]> rows, int smallestCell, boolean totalHidden) {
        long[] people = people(rows);
        SmallCells.Hidden hidden = SmallCells.of(people, smallestCell);
        return IntStream.range(0, rows.size()).mapToObj(i -> totalHidden || hidden.cell(i)
                ? new Cell((String) rows.get(i)[0], null, true) : new Cell((String) rows.get(i)[0], people[i], false)).toList();
    }

    private static List<Object[]> breakdown(String column, LocalDate from, LocalDate to, Figures figures) {
        return figures.rows("""
                select coalesce(%s, 'unknown'), count(*) from stats_enrolment where enrolled_on between ?1 and ?2
                 group by 1 order by 1""".formatted(column), from, to);
    }
}
