package lu.kulturpass.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The programme's one calendar: what time it is and which day it is, for every service.
 *
 * <p>Two meanings of "now", never mixed up:
 * <ul>
 *   <li>an <b>instant</b> stamped on a record or an event ({@link #now()}, {@link #nowUtc()}): stored and sent in UTC;</li>
 *   <li>a <b>day of the programme</b> ({@link #today()}, {@link #dayOf(Instant)}, {@link #startOf(LocalDate)}): the date on
 *       the wall in the programme's time zone, {@code kulturpass.time-zone} (Europe/Luxembourg by default). A pass valid
 *       until a date, an agreement in force, a performance "today", a statistics day or month all use it: a scan at
 *       00:30 in Luxembourg on 1 March is on 1 March, although it is still 28 February in UTC.</li>
 * </ul>
 *
 * <p>It reads the time from the {@link Clock} bean ({@link ProgrammeClock}: the system's, which a test replaces with a
 * fixed one). No other main code of the services reads the machine's clock (no {@code LocalDate.now()},
 * {@code Instant.now()} and the like: {@code NoClockOutsideTheCalendarTest} in platform checks it).
 */
@ApplicationScoped
public class ProgrammeCalendar {

    /** The one configuration key for the programme's time zone. */
    public static final String ZONE_KEY = "kulturpass.time-zone";
    /** Where Kulturpass runs, unless {@value #ZONE_KEY} says otherwise. */
    public static final String DEFAULT_ZONE = "Europe/Luxembourg";

    private final Clock clock;
    private final ZoneId zone;

    @Inject
    public ProgrammeCalendar(Clock clock, @ConfigProperty(name = ZONE_KEY, defaultValue = DEFAULT_ZONE) ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** A calendar at a fixed instant in the given zone: for tests and harnesses. */
    public static ProgrammeCalendar fixedAt(Instant instant, ZoneId zone) {
        return new ProgrammeCalendar(Clock.fixed(instant, ZoneOffset.UTC), zone);
    }

    /** The programme's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** This instant. */
    public Instant now() {
        return clock.instant();
    }

    /** This instant as a UTC timestamp: what a record or an event stores ({@code created_at}, {@code occurred_at}). */
    public OffsetDateTime nowUtc() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** The programme's date now: the day in the programme's time zone. */
    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** The programme's date at an instant. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The programme's date at a timestamp, whatever its offset. */
    public LocalDate dayOf(OffsetDateTime time) {
        return dayOf(time.toInstant());
    }

    /**
     * When a programme day begins (midnight in the programme's zone, or the first moment of the day on a day whose
     * midnight a daylight-saving change skips), as a UTC timestamp; the day ends where {@code startOf(day.plusDays(1))}
     * begins (a day lasts 23 or 25 hours on a daylight-saving change).
     */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
