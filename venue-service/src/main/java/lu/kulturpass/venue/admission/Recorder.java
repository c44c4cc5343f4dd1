package lu.kulturpass.venue.admission;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.token.PassTokenVerifier;
import org.jboss.logging.Logger;

/**
 * Records a batch of scans; a single scan is a batch of one. Two round trips to PostgreSQL on a connection of its own in
 * autocommit mode, outside any JTA transaction: one query reads every scan's facts ({@link ScanFacts}), the rules decide
 * with no database ({@link AdmissionRules#decide}), and one statement ({@link Recording}) takes the places, inserts the
 * rows and their events, and commits. The facts' query takes no lock, so the two need no common transaction: what it
 * read can only have changed in ways the statement finds (the nonce's and the "once" rule's unique indexes, the places'
 * condition), and then nothing is written and the scans are {@link Settled.Again}.
 */
final class Recorder {

    private static final Logger LOG = Logger.getLogger(Recorder.class);

    private final DataSource dataSource;
    private final AdmissionEvents events;
    private final ProgrammeCalendar calendar;
    private final PassTokenVerifier verifier;

    Recorder(DataSource dataSource, AdmissionEvents events, ProgrammeCalendar calendar, PassTokenVerifier verifier) {
        this.dataSource = dataSource;
        this.events = events;
        this.calendar = calendar;
        this.verifier = verifier;
    }

    /**
     * How each scan of the batch was settled, in order. When the batch's statement fails, nothing was written: a batch
     * of several leaves each scan to be recorded again alone (one of them may be the cause); a batch of one that lost a
     * race is to be recorded again; any other failure of a batch of one is thrown.
     */
    List<Settled> record(List<AdmissionDesk.Pending> batch) {
        // PostgreSQL keeps microseconds: the first answer shows the time a retry will read back
        OffsetDateTime now = calendar.nowUtc().truncatedTo(ChronoUnit.MICROS);
        List<Scanned> scans = batch.stream().map(pending -> scanned(pending, now)).toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            List<ScanFacts> facts = ScanFacts.readAll(connection, scans);
            List<Decision> decisions = AdmissionRules.decide(scans, facts);
            List<Admission> rows = decisions.stream().filter(Decision.Record.class::isInstance)
                    .map(decision -> ((Decision.Record) decision).admission()).toList();
            if (!rows.isEmpty()) {
                Outbox.Rows answers = events.answers(rows);
                Recording.write(connection, rows, answers);
                events.committed(answers);
            }
            List<Settled> settled = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                settled.add(settled(connection, decisions.get(i), scans.get(i), facts.get(i)));
            }
            return settled;
        } catch (SQLException | RuntimeException failure) {
            if (batch.size() == 1 && !(failure instanceof Recording.RaceLost)) {
                throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException("a scan was not recorded", failure);
            }
            LOG.debugf("%d scans were not recorded (%s); each is recorded again alone", batch.size(), failure.getMessage());
            return Collections.nCopies(batch.size(), new Settled.Again(failure.getMessage()));
        }
    }

    private Settled settled(Connection connection, Decision decision, Scanned scan, ScanFacts facts) throws SQLException {
        if (decision instanceof Decision.Record record) {
            return new Settled.Answered(new AdmissionDesk.Decided(record.admission(), record.card()));
        }
        if (decision instanceof Decision.NotTheCallers refused) {
            return new Settled.Refused(refused.refusal());
        }
        if (decision instanceof Decision.Alone alone) {
            return new Settled.Again(alone.why());
        }
        Admission answered = Admissions.where(connection, "id = ?", ((Decision.AnsweredBefore) decision).admissionId()).get(0);
        if (!answered.sameScanAs(scan)) {
            // not a retry: another pass or performance under a nonce already answered; its first answer would show the
            // door someone else's holder check
            return new Settled.Refused(ProblemException.conflict(
                    Words.of(AdmissionWords.class).nonceUsedForAnotherScan(String.valueOf(answered.scannedAt))));
        }
        return new Settled.Answered(new AdmissionDesk.Decided(answered,
                Card.ofAnswer(verifier, answered, card -> card.withStanding(facts))));
    }

    private Scanned scanned(AdmissionDesk.Pending pending, OffsetDateTime now) {
        Scan scan = pending.scan();
        OffsetDateTime scannedAt = scan.scannedAt() != null
                ? scan.scannedAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS) : now;
        String token = scan.token() == null || scan.token().isBlank() ? null : scan.token().strip();
        return new Scanned(java.util.UUID.randomUUID(), scan.venueId(), scan.nonce(), token, pending.card(), scan.performanceId(),
                scan.scannedBy(), scan.device(), scan.pairedDevice(), scannedAt, calendar.dayOf(scannedAt), now,
                scan.scanning(), pending.traceParent());
    }
}
