package lu.kulturpass.venue.partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.venue.performance.Performance;
import lu.kulturpass.venue.performance.PerformanceWords;

/**
 * The venue a box office or venue manager acts for. The token's {@code partner_id} is a statement, not a fact: it
 * counts only when the partner topic named that venue (the copy in {@link Venue}), read once a request. Reading the
 * venue's own performances and admissions needs nothing more; offering Kulturpass places needs the venue's agreement
 * in force today, and no more places than its places per event. A scan checks the same on the facts it reads anyway
 * ({@code admission.ScanFacts}), with the sentences here.
 */
@RequestScoped
public class CallerVenue {

    private final Caller caller;
    private final ProgrammeCalendar calendar;
    private Venue venue;

    public CallerVenue(Caller caller, ProgrammeCalendar calendar) {
        this.caller = caller;
        this.calendar = calendar;
    }

    /** The caller's venue as the partner topic named it; a 403 when the programme knows no such venue. */
    public Venue venue() {
        if (venue == null) {
            String venueId = caller.partnerId();
            Venue known = QuarkusTransaction.joiningExisting().call(() -> Venue.<Venue>findById(venueId));
            if (known == null) {
                throw unknownVenue();
            }
            venue = known;
        }
        return venue;
    }

    public String venueId() {
        return venue().id;
    }

    /** The performance, when it is at the caller's venue; a 403 when it is another venue's. */
    public Performance requireOwn(Performance performance) {
        if (!performance.venueId.equals(venueId())) {
            throw performanceElsewhere(performance.id);
        }
        return performance;
    }

    /**
     * Offering this many Kulturpass places for a performance (null: only whether places can be offered at all) needs
     * the venue's agreement in force today (403) and stays within its places per event, when it sets them (409).
     */
    public void mayOffer(Integer places) {
        Venue mine = venue();
        Agreement agreement = QuarkusTransaction.joiningExisting().call(() -> Agreement.inForce(mine.partnerId, calendar.today()))
                .orElseThrow(() -> ProblemException.forbidden(Words.of(PerformanceWords.class).noAgreementToOfferPlaces()));
        if (places != null && agreement.placesPerEvent != null && places > agreement.placesPerEvent) {
            throw ProblemException.conflict(Words.of(PerformanceWords.class).placesPerEventAtMost(String.valueOf(agreement.placesPerEvent)));
        }
    }

    /** For a token naming a venue the partner topic never named (or no longer names). */
    public static ProblemException unknownVenue() {
        return ProblemException.forbidden(Words.of(PerformanceWords.class).venueNotKnown());
    }

    /** For a performance of another venue named by a scan, a sync, an undo or a change. */
    public static ProblemException performanceElsewhere(UUID performanceId) {
        return ProblemException.forbidden(Words.of(PerformanceWords.class).performanceOfAnotherVenue(String.valueOf(performanceId)));
    }
}
