package lu.kulturpass.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.core.statistics.Figures;
import lu.kulturpass.platform.words.Words;

/**
 * What looks wrong in the admissions, each finding with the admissions (and their event ids) behind
 * it: the same pass admitted at two venues too far apart for the time between the scans, a spike of
 * refusals at a venue compared with its usual days, a performance with more Kulturpass places used
 * than its venue offered, and a pass admitted offline although it had already been admitted.
 */
@ApplicationScoped
public class Anomalies {

    public enum Kind { IMPOSSIBLE_TRAVEL, REFUSAL_SPIKE, PLACES_ABOVE_OFFER, OFFLINE_DOUBLE_USE }

    public record Finding(Kind kind, UUID venueId, Long passId, OffsetDateTime at, String detail, List<String> admissionIds,
                          List<String> eventIds) {
    }

    private final Figures figures;
    private final AnomalyThresholds thresholds;

    public Anomalies(Figures figures, AnomalyThresholds thresholds) {
        this.figures = figures;
        this.thresholds = thresholds;
    }

    public List<Finding> between(LocalDate from, LocalDate to) {
        List<Finding> findings = new ArrayList<>(impossibleTravel(from, to));
        findings.addAll(refusalSpikes(from, to));
        findings.addAll(placesAboveOffer(from, to));
        findings.addAll(offlineDoubleUses(from, to));
        return findings;
    }

    /**
     * Two admissions of one pass at different venues, the second reached faster than {@code max-speed-kmh}
     * allows (straight-line distance); where a venue's location is unknown, any two venues within
     * {@code quick-succession-minutes}.
     */
    private List<Finding> impossibleTravel(LocalDate from, LocalDate to) {
        return figures.rows("""
                select a.pass_id, b.venue_id, b.scanned_at, a.admission_id, b.admission_id, a.event_id, b.event_id,
                       round(cast(d.km as numeric), 1), round(cast(extract(epoch from b.scanned_at - a.scanned_at) / 60 as numeric), 0)
                  from admission_fact a
                  join admission_fact b on b.pass_id = a.pass_id and b.venue_id <> a.venue_id and b.outcome = 'ADMITTED'
                       and b.scanned_at >= a.scanned_at and b.scanned_at < a.scanned_at + interval '1 day'
                  join venue va on va.id = a.venue_id
                  join venue vb on vb.id = b.venue_id
                  cross join lateral (select case when va.latitude is null or vb.latitude is null then null else
                        12742 * asin(sqrt(power(sin(radians(vb.latitude - va.latitude) / 2), 2)
                          + cos(radians(va.latitude)) * cos(radians(vb.latitude)) * power(sin(radians(vb.longitude - va.longitude) / 2), 2)))
                        end as km) d
                 where a.day between ?1 and ?2 and a.outcome = 'ADMITTED'
                   and ((d.km is not null and d.km > ?3 * greatest(extract(epoch from b.scanned_at - a.scanned_at), 1) / 3600)
                     or (d.km is null and b.scanned_at < a.scanned_at + make_interval(mins => ?4)))
                 order by b.scanned_at""", from, to, thresholds.maxSpeedKmh(), thresholds.quickSuccessionMinutes()).stream()
                .map(r -> new Finding(Kind.IMPOSSIBLE_TRAVEL, (UUID) r[1], ((Number) r[0]).longValue(), at(r[2]),
                        r[7] == null ? words().travelDetailNoPlace(r[8].toString()) : words().travelDetail(r[7].toString(), r[8].toString()),
                        List.of(r[3].toString(), r[4].toString()), List.of((String) r[5], (String) r[6])))
                .toList();
    }

    /** A day with at least {@code refusal-spike-minimum} refusals and {@code refusal-spike-factor} times its venue's daily average over the 28 days before. */
    private List<Finding> refusalSpikes(LocalDate from, LocalDate to) {
        return figures.rows("""
                select u.venue_id, u.day, u.refusals,
                       coalesce((select sum(p.refusals) from venue_daily_usage p
                                  where p.venue_id = u.venue_id and p.day between u.day - 28 and u.day - 1), 0) / 28.0,
                       (select string_agg(cast(f.admission_id as varchar), ',') from (select admission_id from admission_fact f
                          where f.venue_id = u.venue_id and f.day = u.day and f.outcome = 'REFUSED' order by f.scanned_at limit 50) f),
                       (select string_agg(f.event_id, ',') from (select event_id from admission_fact f
                          where f.venue_id = u.venue_id and f.day = u.day and f.outcome = 'REFUSED' order by f.scanned_at limit 50) f)
                  from venue_daily_usage u
                 where u.day between ?1 and ?2 and u.refusals >= ?3""", from, to, thresholds.refusalSpikeMinimum()).stream()
                .filter(r -> ((Number) r[2]).doubleValue() >= thresholds.refusalSpikeFactor() * Math.max(((Number) r[3]).doubleValue(), 1.0 / 28))
                .map(r -> new Finding(Kind.REFUSAL_SPIKE, (UUID) r[0], null, day(r[1]).atStartOfDay().atOffset(java.time.ZoneOffset.UTC),
                        words().refusalSpikeDetail(r[2].toString(), day(r[1]).toString(),
                                String.format(java.util.Locale.ROOT, "%.1f", ((Number) r[3]).doubleValue())), split((String) r[4]), split((String) r[5])))
                .toList();
    }

    /** A performance (announced, not cancelled) whose admissions, undone ones aside, used more places than it offered. */
    private List<Finding> placesAboveOffer(LocalDate from, LocalDate to) {
        return figures.rows("""
                select p.performance_id, p.venue_id, p.starts_at, p.places_offered, p.places_used,
                       (select string_agg(cast(f.admission_id as varchar), ',') from (select admission_id from admission_fact f
                          where f.performance_id = p.performance_id and f.outcome = 'ADMITTED' and f.undone_at is null
                          order by f.scanned_at limit 50) f),
                       (select string_agg(f.event_id, ',') from (select event_id, scanned_at from admission_fact f
                          where f.performance_id = p.performance_id and f.outcome = 'ADMITTED' and f.undone_at is null
                          order by f.scanned_at limit 50) f)
                  from performance_places p
                 where p.day between ?1 and ?2 and p.starts_at is not null and not p.cancelled and p.places_used > p.places_offered
                 order by p.starts_at""", from, to).stream()
                .map(r -> new Finding(Kind.PLACES_ABOVE_OFFER, (UUID) r[1], null, at(r[2]),
                        words().placesAboveOfferDetail(r[4].toString(), r[3].toString(), r[0].toString()),
                        split((String) r[5]), split((String) r[6])))
                .toList();
    }

    /** An admission a device recorded offline for a pass already admitted that day, with the pass's other admissions that day. */
    private List<Finding> offlineDoubleUses(LocalDate from, LocalDate to) {
        return figures.rows("""
                select d.venue_id, d.pass_id, d.scanned_at, o.admission_ids, o.event_ids, o.admissions
                  from admission_fact d
                 cross join lateral (select string_agg(cast(f.admission_id as varchar), ',' order by f.scanned_at) admission_ids,
                                            string_agg(f.event_id, ',' order by f.scanned_at) event_ids, count(*) admissions
                                       from admission_fact f
                                      where f.pass_id = d.pass_id and f.day = d.day and f.outcome = 'ADMITTED') o
                 where d.double_use and d.day between ?1 and ?2
                 order by d.scanned_at""", from, to).stream()
                .map(r -> new Finding(Kind.OFFLINE_DOUBLE_USE, (UUID) r[0], ((Number) r[1]).longValue(), at(r[2]),
                        words().offlineDoubleUseDetail(r[5].toString()),
                        split((String) r[3]), split((String) r[4])))
                .toList();
    }

    /** A finding's detail is said in the caller's language (the audit page sends its own). */
    private static AuditWords words() {
        return Words.of(AuditWords.class);
    }

    private static OffsetDateTime at(Object timestamp) {
        if (timestamp instanceof OffsetDateTime odt) {
            return odt;
        }
        if (timestamp instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) timestamp).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    static LocalDate day(Object date) {
        return date instanceof LocalDate local ? local : ((java.sql.Date) date).toLocalDate();
    }

    static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(","));
    }
}
