package lu.kulturpass.core.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a cultural partner's venues saw over a period. Places offered are the Kulturpass places of the
 * period's performances (cancelled ones offer none); places used, the admissions to them (in tickets,
 * undone admissions taken back).
 */
public record CulturalPartnerFigures(UUID partnerId, String name, LocalDate from, LocalDate to, long admissions,
                                     long refusals, long tickets, BigDecimal ticketValue, long distinctHolders,
                                     long placesOffered, long placesUsed,
                                     Map<String, Long> refusalsByReason, List<PriceLine> ticketsByPrice,
                                     List<Period> series, List<VenueLine> venues) {

    public record PriceLine(BigDecimal price, long tickets, BigDecimal value) {
    }

    /** One day or month of the period. */
    public record Period(String period, long admissions, long refusals, long tickets, BigDecimal ticketValue) {
    }

    public record VenueLine(UUID venueId, String name, long admissions, long refusals, long tickets, BigDecimal ticketValue,
                            long placesOffered, long placesUsed) {
    }

    static CulturalPartnerFigures of(UUID partnerId, String name, LocalDate from, LocalDate to, String by, Figures figures) {
        List<VenueLine> venues = figures.rows("""
                select v.id, v.name, coalesce(u.admissions, 0), coalesce(u.refusals, 0), coalesce(u.tickets, 0),
                       coalesce(u.value_cents, 0), coalesce(p.offered, 0), coalesce(p.used, 0)
                  from venue v
                  left join lateral (select sum(admissions) admissions, sum(refusals) refusals, sum(tickets) tickets,
                                            sum(ticket_value_cents) value_cents
                                       from venue_daily_usage where venue_id = v.id and day between ?2 and ?3) u on true
                  left join lateral (select sum(case when cancelled or starts_at is null then 0 else places_offered end) offered,
                                            sum(places_used) used
                                       from performance_places where venue_id = v.id and day between ?2 and ?3) p on true
                 where v.partner_id = ?1 order by v.name""", partnerId, from, to).stream()
                .map(r -> new VenueLine((UUID) r[0], (String) r[1], Figures.asLong(r[2]), Figures.asLong(r[3]),
                        Figures.asLong(r[4]), euros(Figures.asLong(r[5])), Figures.asLong(r[6]), Figures.asLong(r[7])))
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
                distinct, venues.stream().mapToLong(VenueLine::placesOffered).sum(), venues.stream().mapToLong(VenueLine::placesUsed).sum(),
                refusals, prices, series, venues);
    }

    /**
     * Holders admitted at least once in the period, counted by pass (a holder whose card was replaced
     * within the period counts once per card). Whole calendar years read the per-year running count
     * (one row); other periods count months' distinct passes.
     */
    private static long distinctHolders(UUID partnerId, LocalDate from, LocalDate to, Figures figures) {
        if (from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()))) {
            return figures.number("select coalesce(sum(holders), 0) from partner_year_holders where partner_id = ?1 and year = ?2",
                    partnerId, from.getYear());
        }
        return figures.number("""
                select count(*) from (select distinct m.pass_id from venue_monthly_pass m join venue v on v.id = m.venue_id
                 where v.partner_id = ?1 and m.month between date_trunc('month', cast(?2 as date)) and ?3) passes""", partnerId, from, to);
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
