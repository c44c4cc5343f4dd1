package lu.kulturpass.eligibility.issuing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.privacy.ViewLog;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;

/**
 * Printable cards: pass-service renders them (an A4 sheet of up to ten, PDF); this service sends the
 * names to print, which pass-service prints and never stores. Each print is logged per person.
 */
@ApplicationScoped
public class Cards {

    private final PassIssuing passIssuing;
    private final ProgrammeCalendar calendar;

    public Cards(PassIssuing passIssuing, ProgrammeCalendar calendar) {
        this.passIssuing = passIssuing;
        this.calendar = calendar;
    }

    public byte[] sheet(List<Beneficiary> members, String language, String agencyId, String userId) {
        List<Beneficiary> withPass = members.stream().filter(m -> m.passId != null && m.holdsPass && m.erasedAt == null).toList();
        if (withPass.isEmpty()) {
            throw ProblemException.conflict(Words.of(RefusalWords.class).noCardToPrint());
        }
        if (withPass.size() > 10) {
            throw ProblemException.badRequest(Words.of(RefusalWords.class).sheetTooLong());
        }
        byte[] pdf = passIssuing.sheet(new PassServiceClient.SheetRequest(language == null ? "fr" : language,
                withPass.stream().map(m -> new PassServiceClient.SheetCard(m.passId, m.firstName + " " + m.lastName)).toList()));
        QuarkusTransaction.requiringNew().run(() -> ViewLog.record(withPass.stream().map(m -> m.id).toList(), agencyId, userId,
                ViewLog.Action.CARD_PRINTED, calendar.nowUtc()));
        return pdf;
    }
}
