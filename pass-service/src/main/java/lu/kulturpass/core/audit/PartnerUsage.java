package lu.kulturpass.core.audit;

import lu.kulturpass.core.statistics.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.statistics.Figures;

/**
 * One line of the partner list: the partner, its current agreement and what it did in the period.
 * A cultural partner's usage is the admissions and refusals at its venues; a social partner's, the
 * people it enrolled and the passes issued to them. The other pair is null (it does not apply).
 * The current agreement is the active one, else the suspended one, else the draft, else the last
 * that ended; null when the partner has none.
 */
public record PartnerUsage(UUID partnerId, String name, String kind, UUID agreementId, String agreementStatus,
                           LocalDate agreementValidUntil, Long admissions, Long refusals, Long peopleEnrolled,
                           Long passesIssued) {

    static List<PartnerUsage> of(Period period, Figures figures) {
        return figures.rows("""
                select p.id, p.name, p.kind, a.id, a.status, a.valid_until,
                       coalesce((select sum(u.admissions) from venue_daily_usage u join venue v on v.id = u.venue_id
                                  where v.partner_id = p.id and u.day between ?1 and ?2), 0),
                       coalesce((select sum(u.refusals) from venue_daily_usage u join venue v on v.id = u.venue_id
                                  where v.partner_id = p.id and u.day between ?1 and ?2), 0),
                       (select count(*) from stats_enrolment e where e.agency_id = cast(p.id as varchar) and e.enrolled_on between ?1 and ?2),
                       (select count(*) from stats_pass s where s.agency_id = cast(p.id as varchar) and s.issued_on between ?1 and ?2)
                  from partner p
                  left join lateral (select c.id, c.status, c.valid_until from agreement c where c.partner_id = p.id
                         order by case c.status when 'ACTIVE' then 0 when 'SUSPENDED' then 1 when 'DRAFT' then 2 else 3 end,
                                  c.valid_until desc limit 1) a on true
                 order by p.name, p.id""", period.from(), period.to()).stream()
                .map(PartnerUsage::of)
                .toList();
    }

    private static PartnerUsage of(Object[] r) {
        boolean cultural = "CULTURAL".equals(r[2]);
        return new PartnerUsage((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (String) r[4],
                r[5] == null ? null : Anomalies.day(r[5]),
                cultural ? number(r[6]) : null, cultural ? number(r[7]) : null,
                cultural ? null : number(r[8]), cultural ? null : number(r[9]));
    }

    private static Long number(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }
}
