package lu.kulturpass.core.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The programme's totals for a period, the figures annual reports publish, with the people enrolled
 * broken down by age band, household situation and municipality. A cell with fewer people than the
 * smallest publishable cell (5) shows no number: small groups could be recognised.
 */
public record ProgrammeFigures(LocalDate from, LocalDate to, long passesIssued, long peopleEnrolled, long admissions,
                               long refusals, BigDecimal ticketValue, long peopleReached, long placesOffered,
                               long placesUsed, List<Cell> byAgeBand,
                               List<Cell> byHouseholdSituation, List<Cell> byMunicipality) {

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
        return new ProgrammeFigures(from, to,
                figures.number("select count(*) from stats_pass where issued_on between ?1 and ?2", from, to),
                figures.number("select count(*) from stats_enrolment where enrolled_on between ?1 and ?2", from, to),
                Figures.asLong(usage[0]), Figures.asLong(usage[1]), CulturalPartnerFigures.euros(Figures.asLong(usage[2])), reached,
                Figures.asLong(places[0]), Figures.asLong(places[1]),
                breakdown("age_band", from, to, smallestCell, figures),
                breakdown("household_situation", from, to, smallestCell, figures),
                breakdown("municipality", from, to, smallestCell, figures));
    }

    private static List<Cell> breakdown(String column, LocalDate from, LocalDate to, int smallestCell, Figures figures) {
        return figures.rows("""
                select coalesce(%s, 'unknown'), count(*) from stats_enrolment where enrolled_on between ?1 and ?2
                 group by 1 order by 1""".formatted(column), from, to).stream()
                .map(r -> {
                    long people = Figures.asLong(r[1]);
                    return people < smallestCell ? new Cell((String) r[0], null, true) : new Cell((String) r[0], people, false);
                })
                .toList();
    }
}
