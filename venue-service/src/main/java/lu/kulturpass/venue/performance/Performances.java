package lu.kulturpass.venue.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.events.PerformanceTopic;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.venue.partner.CallerVenue;
import lu.kulturpass.venue.performance.PerformanceStatus.Move;

/**
 * Schedules, changes and cancels a venue's performances, each change announced on
 * {@code kulturpass.performances} through the outbox in the same transaction. A change takes the
 * performance's row lock, so places offered never drop below places an admission is taking.
 */
@ApplicationScoped
public class Performances {

    /** What a venue manager sends; null fields of a change keep their value. */
    public record Terms(String title, OffsetDateTime startsAt, Integer placesOffered) {
    }

    private final Outbox outbox;
    private final ProgrammeCalendar calendar;

    public Performances(Outbox outbox, ProgrammeCalendar calendar) {
        this.outbox = outbox;
        this.calendar = calendar;
    }

    /** Schedules a performance at the caller's venue: its agreement in force today, places within its places per event. */
    @Transactional
    public Performance schedule(CallerVenue venue, Terms terms, String by) {
        if (terms == null || terms.title() == null || terms.title().isBlank() || terms.startsAt() == null || terms.placesOffered() == null) {
            throw ProblemException.badRequest(Words.of(PerformanceWords.class).performanceTermsMissing());
        }
        validate(terms);
        venue.mayOffer(terms.placesOffered());
        Performance performance = new Performance();
        performance.id = UUID.randomUUID();
        performance.venueId = venue.venueId();
        performance.status = PerformanceStatus.SCHEDULED;
        apply(performance, terms, by);
        performance.persist();
        announce(performance, PerformanceTopic.Changed.SCHEDULED);
        return performance;
    }

    /** Changes a performance of the caller's venue; new places offered need its agreement in force, as when scheduling. */
    @Transactional
    public Performance change(CallerVenue venue, UUID id, Terms terms, String by) {
        validate(terms);
        Performance performance = locked(venue, id, Move.CHANGE);
        if (terms.placesOffered() != null) {
            venue.mayOffer(terms.placesOffered());
        }
        if (terms.placesOffered() != null && terms.placesOffered() < performance.placesUsed) {
            throw ProblemException.conflict(Words.of(PerformanceWords.class).placesAlreadyUsed(String.valueOf(performance.placesUsed)));
        }
        apply(performance, terms, by);
        announce(performance, PerformanceTopic.Changed.CHANGED);
        return performance;
    }

    /** Cancels a performance of the caller's venue (with or without an agreement in force: the show is off). */
    @Transactional
    public Performance cancel(CallerVenue venue, UUID id, String by) {
        Performance performance = locked(venue, id, Move.CANCEL);
        performance.status = Move.CANCEL.target();
        performance.changedBy = by;
        performance.changedAt = calendar.nowUtc();
        announce(performance, PerformanceTopic.Changed.CANCELLED);
        return performance;
    }

    public List<Performance> between(String venueId, LocalDate from, LocalDate to) {
        return Performance.list("venueId = ?1 and day >= ?2 and day <= ?3 order by startsAt", venueId, from, to);
    }

    private Performance locked(CallerVenue venue, UUID id, Move move) {
        venue.venue(); // an unknown venue learns that first, whatever the id it names
        Performance performance = Performance.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (performance == null) {
            throw ProblemException.notFound(Words.of(PerformanceWords.class).noPerformanceAtYourVenue(id.toString()));
        }
        venue.requireOwn(performance);
        if (!move.allowedFrom(performance.status)) {
            throw ProblemException.conflict(Words.of(PerformanceWords.class).performanceCancelledForGood());
        }
        return performance;
    }

    private static void validate(Terms terms) {
        if (terms.title() != null && (terms.title().isBlank() || terms.title().length() > 200)) {
            throw ProblemException.badRequest(Words.of(PerformanceWords.class).performanceTitleLength());
        }
        if (terms.placesOffered() != null && (terms.placesOffered() < 0 || terms.placesOffered() > 100_000)) {
            throw ProblemException.badRequest(Words.of(PerformanceWords.class).placesOfferedRange());
        }
    }

    private void apply(Performance performance, Terms terms, String by) {
        if (terms.title() != null) {
            performance.title = terms.title().strip();
        }
        if (terms.startsAt() != null) {
            performance.startsAt = terms.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
            performance.day = calendar.dayOf(terms.startsAt());
        }
        if (terms.placesOffered() != null) {
            performance.placesOffered = terms.placesOffered();
        }
        performance.changedBy = by;
        performance.changedAt = calendar.nowUtc();
    }

    private void announce(Performance performance, String type) {
        outbox.record(PerformanceTopic.TOPIC, performance.id.toString(), type, PerformanceTopic.Changed.VERSION,
                new PerformanceTopic.Changed(performance.id, performance.venueId, performance.title, performance.startsAt.toString(),
                        performance.day, performance.placesOffered, performance.status.name()));
    }
}
