package lu.kulturpass.core.statistics;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a social partner's beneficiaries did over a period: people enrolled and approved, passes
 * issued, active holders (at least one admission), and their admissions.
 */
public record SocialPartnerFigures(UUID partnerId, String name, LocalDate from, LocalDate to, long peopleEnrolled,
                                   long peopleApproved, long passesIssued, long activeHolders, long admissions) {

    static SocialPartnerFigures of(UUID partnerId, String name, LocalDate from, LocalDate to, Figures figures) {
        String agency = partnerId.toString();
        long enrolled = figures.number("select count(*) from stats_enrolment where agency_id = ?1 and enrolled_on between ?2 and ?3",
                agency, from, to);
        long approved = figures.number("select count(*) from stats_enrolment where agency_id = ?1 and approved_on between ?2 and ?3",
                agency, from, to);
        long passes = figures.number("select count(*) from stats_pass where agency_id = ?1 and issued_on between ?2 and ?3",
                agency, from, to);
        Object[] usage = figures.rows("""
                select count(distinct p.holder_ref), coalesce(sum(m.admissions), 0) from venue_monthly_pass m
                  join stats_pass p on p.pass_id = m.pass_id
                 where p.agency_id = ?1 and m.month between date_trunc('month', cast(?2 as date)) and ?3""", agency, from, to).get(0);
        return new SocialPartnerFigures(partnerId, name, from, to, enrolled, approved, passes,
                Figures.asLong(usage[0]), Figures.asLong(usage[1]));
    }
}
