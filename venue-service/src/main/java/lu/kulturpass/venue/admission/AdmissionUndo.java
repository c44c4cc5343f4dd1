package lu.kulturpass.venue.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.venue.device.ScanningDevice;
import lu.kulturpass.venue.partner.CallerVenue;
import lu.kulturpass.venue.performance.Performance;
import lu.kulturpass.venue.performance.Places;

/**
 * Undoes an admission made by mistake, within the configured window from when it was recorded: who,
 * when and why are kept on the admission, its places go back to the performance, and
 * {@code admission.undone} goes out through the outbox — in one transaction, under the row's lock.
 */
@ApplicationScoped
public class AdmissionUndo {

    public record Undone(UUID admissionId, boolean undone, OffsetDateTime undoneAt, String undoneBy, String reason) {
    }

    private final Answers answers;
    private final Places places;
    private final AdmissionEvents events;
    private final ProgrammeCalendar calendar;

    public AdmissionUndo(Answers answers, Places places, AdmissionEvents events, ProgrammeCalendar calendar) {
        this.answers = answers;
        this.places = places;
        this.events = events;
        this.calendar = calendar;
    }

    /**
     * Undoes an admission the caller's box office recorded, for a performance of its own venue (an admission recorded
     * before the sync checked performances may name another venue's: 403, it stays for the programme to look at).
     * Needs no agreement in force: it corrects the record and gives places back.
     */
    @Transactional
    public Undone undo(CallerVenue venue, UUID admissionId, ScanningDevice.Recorder by, String reason) {
        if (reason != null && reason.length() > 200) {
            throw ProblemException.badRequest(Words.of(AdmissionWords.class).undoReasonTooLong());
        }
        venue.venue(); // an unknown venue hears that first, whatever the id it names
        Admission admission = Admissions.where("id = ? for update", admissionId).stream().findFirst().orElse(null);
        if (admission == null) {
            throw ProblemException.notFound(Words.of(AdmissionWords.class).noAdmissionAtYourVenue(admissionId.toString()));
        }
        if (!admission.venueId.equals(venue.venueId())) {
            throw ProblemException.forbidden(Words.of(AdmissionWords.class).admissionAtAnotherVenue(admissionId.toString()));
        }
        Performance performance = admission.performanceId == null ? null : Performance.findById(admission.performanceId);
        if (performance != null) {
            venue.requireOwn(performance);
        }
        if (admission.undoneAt != null) {
            throw ProblemException.conflict(Words.of(AdmissionWords.class).admissionAlreadyUndone(String.valueOf(admission.undoneAt)));
        }
        if (admission.outcome != Outcome.ADMITTED) {
            AdmissionWords words = Words.of(AdmissionWords.class);
            throw ProblemException.conflict(words.onlyAdmissionsUndone(words.reason(admission.reason)));
        }
        OffsetDateTime now = calendar.nowUtc();
        OffsetDateTime until = answers.undoableUntil(admission);
        if (until == null || now.isAfter(until)) {
            throw ProblemException.conflict(Words.of(AdmissionWords.class).undoWindowClosed(String.valueOf(answers.undoWindow().toMinutes()),
                    String.valueOf(admission.recordedAt)));
        }
        admission.undoneAt = now;
        admission.undoneBy = by.person();
        admission.undoneOnDevice = by.pairedDevice();
        admission.undoReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (admission.performanceId != null && admission.places > 0) {
            places.giveBack(admission.performanceId, admission.places);
        }
        Admissions.undone(admission);
        events.undone(admission);
        return new Undone(admission.id, true, admission.undoneAt, admission.undoneBy, admission.undoReason);
    }
}
