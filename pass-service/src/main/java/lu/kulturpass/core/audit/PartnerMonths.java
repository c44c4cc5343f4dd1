package lu.kulturpass.core.audit;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lu.kulturpass.core.statistics.CulturalPartnerFigures;
import lu.kulturpass.core.statistics.Figures;
import lu.kulturpass.core.statistics.Period;
import lu.kulturpass.platform.csv.SpreadsheetCsv;

/** One partner's figures month by month, every month of the period listed (a quiet month is a row of zeros). */
final class PartnerMonths {

    private PartnerMonths() {
    }

    static SpreadsheetCsv cultural(CulturalPartnerFigures figures, Period period, AuditWords words) {
        Map<String, CulturalPartnerFigures.Period> byMonth = figures.series().stream()
                .collect(Collectors.toMap(CulturalPartnerFigures.Period::period, Function.identity()));
        SpreadsheetCsv csv = new SpreadsheetCsv().row(words.partner(), words.month(), words.admissions(), words.refusals(), words.tickets(),
                words.ticketValue());
        for (String month : period.months()) {
            CulturalPartnerFigures.Period line = byMonth.get(month);
            csv.row(figures.name(), month, line == null ? 0 : line.admissions(), line == null ? 0 : line.refusals(),
                    line == null ? 0 : line.tickets(), line == null ? BigDecimal.ZERO.setScale(2) : line.ticketValue());
        }
        return csv;
    }

    /** People a social partner enrolled and had approved, passes issued to them, and their admissions anywhere. */
    static SpreadsheetCsv social(UUID partnerId, String name, Period period, Figures figures, AuditWords words) {
        SpreadsheetCsv csv = new SpreadsheetCsv().row(words.partner(), words.month(), words.peopleEnrolled(), words.peopleApproved(),
                words.passesIssued(), words.admissions());
        figures.rows("""
                select to_char(m.month, 'YYYY-MM'),
                       (select count(*) from stats_enrolment e where e.agency_id = ?1 and e.enrolled_on between ?2 and ?3
                           and date_trunc('month', e.enrolled_on) = m.month),
                       (select count(*) from stats_enrolment e where e.agency_id = ?1 and e.approved_on between ?2 and ?3
                           and date_trunc('month', e.approved_on) = m.month),
                       (select count(*) from stats_pass s where s.agency_id = ?1 and s.issued_on between ?2 and ?3
                           and date_trunc('month', s.issued_on) = m.month),
                       (select coalesce(sum(v.admissions), 0) from venue_monthly_pass v join stats_pass s on s.pass_id = v.pass_id
                         where s.agency_id = ?1 and v.month = m.month)
                  from generate_series(date_trunc('month', cast(?2 as date)), cast(?3 as date), interval '1 month') m(month)
                 order by 1""", partnerId.toString(), period.from(), period.to())
                .forEach(r -> csv.row(name, r[0], r[1], r[2], r[3], r[4]));
        return csv;
    }
}
