package lu.kulturpass.core.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a cultural partner's venues saw over a period. */
public record CulturalPartnerFigures(UUID partnerId, String name, LocalDate from, LocalDate to, long admissions,
                                     long refusals, long tickets, BigDecimal ticketValue, long distinctHolders,
                                     Map<String, Long> refusalsByReason, List<PriceLine> ticketsByPrice,
                                     List<Period> series, List<VenueLine> venues) {

    public record PriceLine(BigDecimal price, long tickets, BigDecimal value) {
    }

    /** One day or month of the period. */
    public record Period(String period, long admissions, long refusals, long tickets, BigDecimal ticketValue) {
    }

    public record VenueLine(UUID venueId, String name, long admissions, long refusals, long tickets, BigDecimal ticketValue) {
    }

    static CulturalPartnerFigures of(UUID partnerId, String name, LocalDate from, LocalDate to, String by, Figures figures) {
        List<VenueLine> venues = figures.rows("""
                select v.id, v.name, coalesce(sum(u.admissions), 0), coalesce(sum(u.refusals), 0), coalesce(sum(u.tickets), 0),
                       coalesce(sum(u.ticket_value_cents), 0)
                  from venue v left join venue_daily_usage u on u.venue_id = v.id and u.day between ?2 and ?3
                 where v.partner_id = ?1 group by v.id, v.name order by v.name""", partnerId, from, to).stream()
                .map(r -> new VenueLine((UUID) r[0], (String) r[1], Figures.asLong(r[2]), Figures.asLong(r[3]),
                        Figures.asLong(r[4]), euros(Figures.asLong(r[5]))))
                .toList();
        long distinct = distinctHolders(partnerId, from, to, figures);
        Map<String, Long> refusals = new LinkedHashMap<>();
        figures.rows("""
                select r.reason, sum(r.refusals) from venue_daily_refusal r join venue v on v.id = r.venue_id
                 where v.partner_id = ?1 and r.day between ?2 and ?3 group by r.reason order by 2 desc, 1""", partnerId, from, to)
                .forEach(r -> refusals.put((String) r[0], Figures.asLong(r[1])));
        List<PriceLine> prices = figures.rows("""
                select p.price_cents, sum(p.tickets) from venue_daily_price p join venue v on v.id = p.venue_id
                 where v.partner_id = ?1 and p.day between ?2 and ?3 group by p.price_cents order by 1""", partnerId, from, to)
                .stream().map(r -> new PriceLine(euros(Figures.asLong(r[0])), Figures.asLong(r[1]),
                        euros(Figures.asLong(r[0]) * Figures.asLong(r[1])))).toList();
        String unit = "day".equals(by) ? "day" : "month";
        List<Period> series = figures.rows("""
                select to_char(date_trunc('%s', u.day), '%s'), sum(u.admissions), sum(u.refusals), sum(u.tickets), sum(u.ticket_value_cents)
                  from venue_daily_usage u join venue v on v.id = u.venue_id
                 where v.partner_id = ?1 and u.day between ?2 and ?3 group by 1 order by 1"""
                        .formatted(unit, "day".equals(unit) ? "YYYY-MM-DD" : "YYYY-MM"), partnerId, from, to)
                .stream().map(r -> new Period((String) r[0], Figures.asLong(r[1]), Figures.asLong(r[2]), Figures.asLong(r[3]),
                        euros(Figures.asLong(r[4])))).toList();
        return new CulturalPartnerFigures(partnerId, name, from, to,
                venues.stream().mapToLong(VenueLine::admissions).sum(), venues.stream().mapToLong(VenueLine::refusals).sum(),
                venues.stream().mapToLong(VenueLine::tickets).sum(),
                venues.stream().map(VenueLine::ticketValue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                distinct, refusals, prices, series, venues);
    }

    /**
     * Holders admitted at least once in the period, counted by pass (a holder whose card was replaced
     * within the period counts once per card). Whole calendar years read the per-year table (an
     * index-only count); other periods count months' distinct passes.
     */
    private static long distinctHolders(UUID partnerId, LocalDate from, LocalDate to, Figures figures) {
        if (from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()))) {
            return figures.number("select count(*) from partner_year_pass where partner_id = ?1 and year = ?2", partnerId, from.getYear());
        }
        return figures.number("""
                select count(*) from (select distinct m.pass_id from venue_monthly_pass m join venue v on v.id = m.venue_id
                 where v.partner_id = ?1 and m.month between date_trunc('month', cast(?2 as date)) and ?3) passes""", partnerId, from, to);
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
