package lu.kulturpass.eligibility.importing;

import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lu.kulturpass.eligibility.beneficiary.PersonKey;
import lu.kulturpass.eligibility.criterion.Criterion;
import lu.kulturpass.eligibility.enrolment.DecisionRequest;
import lu.kulturpass.eligibility.enrolment.Decisions;
import lu.kulturpass.eligibility.enrolment.EnrolRequest;
import lu.kulturpass.eligibility.enrolment.EnrolmentStatus;
import lu.kulturpass.eligibility.enrolment.Enrolments;
import lu.kulturpass.eligibility.words.ImportWords;
import lu.kulturpass.platform.csv.SpreadsheetCsv;
import lu.kulturpass.platform.input.PlainText;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Imports an agency's list (CSV, UTF-8, ';' or ',', headers in any of the programme's languages). Every cell of
 * every row is checked; each bad row is reported with its line and every problem found in it, in the caller's
 * language, and left out; the good rows are enrolled,
 * grouped by the household column (a row without one is a household of its own). With
 * {@code approve}, the households whose rows name a criterion and evidence are approved and get their
 * passes.
 */
@Startup // its meters are at /q/metrics from the start, at 0
@ApplicationScoped
public class CsvImport {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CsvImport.class);

    static final int HOUSEHOLD_LIMIT = 10;
    /** Small transactions: each query flushes the session, whose cost grows with what it holds. */
    private static final int HOUSEHOLDS_PER_TRANSACTION = 50;

    /** A line left out: every problem found in it ({@code reason}: the same, in one sentence). */
    public record BadRow(long line, String reason, List<String> problems) {
        BadRow(long line, List<String> problems) {
            this(line, String.join("; ", problems), List.copyOf(problems));
        }
    }

    public record Report(int rows, int imported, int households, int approved, List<BadRow> badRows, List<String> ignoredColumns,
                         List<UUID> enrolments) {
    }

    private record Household(List<ImportRow> rows) {
        ImportRow decided() {
            return rows.stream().filter(r -> r.criterion() != null).findFirst().orElse(null);
        }
    }

    private final Enrolments enrolments;
    private final Decisions decisions;
    private final int approvalThreads;
    /**
     * Carries the request's CDI context, and with it the caller's identity, to the approval threads: their
     * calls to pass-service send the caller's own access token (issuing/CallerAccessToken). Nothing else is
     * carried: each thread runs its own transactions.
     */
    private final ThreadContext requestContext;
    private final ProgrammeCalendar calendar;

    public CsvImport(Enrolments enrolments, Decisions decisions,
                     ImportConfig config,
                     ProgrammeCalendar calendar, MeterRegistry registry) {
        this.rowsEnrolled = rowsCounter(registry, "enrolled");
        this.rowsLeftOut = rowsCounter(registry, "left-out");
        this.enrolments = enrolments;
        this.decisions = decisions;
        this.approvalThreads = config.threads();
        this.requestContext = ThreadContext.builder().propagated(ThreadContext.CDI).cleared(ThreadContext.ALL_REMAINING)
                .unchanged().build();
        this.calendar = calendar;
    }

    /** Imported rows, for operators: {@code kulturpass_import_rows_total{outcome="enrolled"|"left-out"}}. */
    private final Counter rowsEnrolled;
    private final Counter rowsLeftOut;

    private static Counter rowsCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("kulturpass.import.rows").tag("outcome", outcome)
                .description("Rows of imported enrolment lists: enrolled, or left out (reported to the agency)").register(registry);
    }

    public Report run(String agencyId, String userId, byte[] file, boolean approve) {
        long start = System.nanoTime();
        ImportWords words = Words.of(ImportWords.class);
        String text = utf8(file, words);
        List<BadRow> bad = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, Household> households = new LinkedHashMap<>();
        int rows = read(text, words, bad, ignored, households);

        List<List<Household>> chunks = new ArrayList<>();
        List<Household> all = new ArrayList<>(households.values());
        for (int i = 0; i < all.size(); i += HOUSEHOLDS_PER_TRANSACTION) {
            chunks.add(all.subList(i, Math.min(all.size(), i + HOUSEHOLDS_PER_TRANSACTION)));
        }
        List<UUID> ids = new ArrayList<>();
        Map<UUID, Household> byId = new HashMap<>();
        for (List<Household> chunk : chunks) {
            List<EnrolRequest> requests = chunk.stream().map(household -> {
                ImportRow first = household.rows().get(0);
                return new EnrolRequest(household.rows().stream().map(ImportRow::member).toList(),
                        first.situation(), first.municipality(), false);
            }).toList();
            var created = QuarkusTransaction.requiringNew().call(() -> enrolments.createAll(agencyId, requests, userId));
            for (int i = 0; i < chunk.size(); i++) {
                ids.add(created.get(i).id);
                byId.put(created.get(i).id, chunk.get(i));
            }
        }
        int imported = households.values().stream().mapToInt(h -> h.rows().size()).sum();
        long enrolledAt = System.nanoTime();
        int approved = approve ? approve(agencyId, userId, ids, byId, bad, words) : 0;
        LOG.infof("import of %d rows for agency %s: %d households enrolled in %d ms, %d approved in %d ms", rows, agencyId,
                households.size(), (enrolledAt - start) / 1_000_000, approved, (System.nanoTime() - enrolledAt) / 1_000_000);
        rowsEnrolled.increment(imported);
        rowsLeftOut.increment(rows - imported);
        bad.sort(Comparator.comparingLong(BadRow::line));
        return new Report(rows, imported, households.size(), approved, bad, ignored, ids);
    }

    private int read(String text, ImportWords words, List<BadRow> bad, List<String> ignored, Map<String, Household> households) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setTrim(true).get();
        Map<String, Criterion> criteria = QuarkusTransaction.requiringNew().call(() -> ImportRow.byCell(Criterion.inUse()));
        LocalDate today = calendar.today();
        Map<String, Long> people = new HashMap<>();
        int rows = 0;
        LineNumbers lines = new LineNumbers(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> headers = parser.getHeaderNames();
            Map<Integer, CsvColumn> columns = columns(headers, ignored, words);
            for (CSVRecord record : parser) {
                rows++;
                long line = lines.lineOf(record.getCharacterPosition());
                try {
                    // every cell the line has is checked, so that one reading of the report is enough to correct it
                    List<String> problems = new ArrayList<>();
                    if (record.size() != headers.size()) {
                        problems.add(words.cellCount(String.valueOf(record.size()), String.valueOf(headers.size())));
                    }
                    if (!record.stream().allMatch(PlainText::isPlain)) {
                        problems.add(words.controlCharacter());
                    }
                    Map<CsvColumn, String> cells = new EnumMap<>(CsvColumn.class);
                    columns.forEach((index, column) -> {
                        if (index < record.size()) {
                            cells.put(column, SpreadsheetCsv.read(record.get(index)));
                        }
                    });
                    ImportRow row = ImportRow.read(line, cells, criteria, today, words, problems);
                    String person = PersonKey.of(row.member().firstName(), row.member().lastName(), row.member().birthDate());
                    Long earlier = people.putIfAbsent(person, line);
                    if (earlier != null) {
                        throw new ImportRow.BadRow(words.samePerson(String.valueOf(earlier)));
                    }
                    Household household = households.computeIfAbsent(row.household().isEmpty() ? "line " + line : row.household(),
                            key -> new Household(new ArrayList<>()));
                    if (household.rows().size() == HOUSEHOLD_LIMIT) {
                        people.remove(person);
                        throw new ImportRow.BadRow(words.householdFull(row.household(), String.valueOf(HOUSEHOLD_LIMIT)));
                    }
                    household.rows().add(row);
                } catch (ImportRow.BadRow problem) {
                    bad.add(new BadRow(line, problem.problems()));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
            throw ProblemException.badRequest(words.fileNotCsv(String.valueOf(unreadable.getMessage())));
        }
        return rows;
    }

    private static Map<Integer, CsvColumn> columns(List<String> headers, List<String> ignored, ImportWords words) {
        Map<Integer, CsvColumn> columns = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            var column = CsvColumn.of(headers.get(i));
            if (column.isPresent() && !columns.containsValue(column.get())) {
                columns.put(i, column.get());
            } else if (!headers.get(i).isBlank()) {
                ignored.add(headers.get(i));
            }
        }
        List<String> missing = new ArrayList<>();
        for (CsvColumn required : List.of(CsvColumn.LAST_NAME, CsvColumn.FIRST_NAME, CsvColumn.BIRTH_DATE)) {
            if (!columns.containsValue(required)) {
                missing.add(words.column(required));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest(words.columnsMissing(String.join(", ", missing)));
        }
        return columns;
    }

    /**
     * Approves the imported households that name a criterion, a chunk at a time on a few threads, each in
     * the caller's request context (the request waits for them all).
     */
    private int approve(String agencyId, String userId, List<UUID> ids, Map<UUID, Household> byId, List<BadRow> bad,
                        ImportWords words) {
        List<Map<UUID, DecisionRequest>> chunks = new ArrayList<>();
        Map<UUID, DecisionRequest> chunk = new LinkedHashMap<>();
        for (UUID id : ids) {
            ImportRow decided = byId.get(id).decided();
            if (decided != null) {
                chunk.put(id, new DecisionRequest(EnrolmentStatus.APPROVED, decided.criterion(), decided.evidence(), null));
            }
            if (chunk.size() == HOUSEHOLDS_PER_TRANSACTION) {
                chunks.add(chunk);
                chunk = new LinkedHashMap<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, approvalThreads));
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Map<UUID, DecisionRequest> households : chunks) {
                results.add(pool.submit(requestContext.contextualCallable(() -> {
                    Map<UUID, ProblemException> refused;
                    try {
                        refused = decisions.approveAll(agencyId, households, userId);
                    } catch (ProblemException failed) {
                        refused = new HashMap<>();
                        for (UUID id : households.keySet()) {
                            refused.put(id, failed);
                        }
                    }
                    synchronized (bad) {
                        refused.forEach((id, problem) -> bad.add(new BadRow(byId.get(id).decided().line(),
                                List.of(words.notApproved(problem.getMessage())))));
                    }
                    return households.size() - refused.size();
                })));
            }
            // every chunk is waited for, even after one failed: none outlives the request and its context
            int approved = 0;
            Throwable failed = null;
            for (Future<Integer> result : results) {
                try {
                    approved += result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed = failed == null ? e.getCause() : failed;
                }
            }
            if (failed != null) {
                throw new IllegalStateException(failed);
            }
            return approved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable(words.importInterrupted());
        } finally {
            pool.shutdown();
        }
    }

    /** The line (1 = the header) a character of the file is on, as a spreadsheet numbers rows. */
    private static final class LineNumbers {
        private final int[] starts;
        private final String text;

        LineNumbers(String text) {
            this.text = text;
            starts = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(0),
                    java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1)).toArray();
        }

        /** The parser gives where it started reading the record, before the empty lines it skipped. */
        long lineOf(long position) {
            int at = (int) position;
            while (at < text.length() && (text.charAt(at) == '\r' || text.charAt(at) == '\n')) {
                at++;
            }
            int found = java.util.Arrays.binarySearch(starts, at);
            return (found >= 0 ? found : -found - 2) + 1;
        }
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count() >= header.chars().filter(c -> c == ',').count() ? ';' : ',';
    }

    private static String utf8(byte[] file, ImportWords words) {
        if (file == null || file.length == 0) {
            throw ProblemException.badRequest(words.fileEmpty());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw ProblemException.badRequest(words.fileNotUtf8());
        }
    }
}
