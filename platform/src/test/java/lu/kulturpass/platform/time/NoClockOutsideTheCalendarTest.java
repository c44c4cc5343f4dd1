package lu.kulturpass.platform.time;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nobody reads the machine's clock outside the programme calendar: the main code of every module (the services,
 * platform, pass-token) asks {@link ProgrammeCalendar} for "now" and "today", so that a day is the programme's day
 * everywhere and a test can fix the time. The harnesses (benchmarks, test-support, end-to-end-tests) keep their
 * own clocks, and so does test code.
 */
class NoClockOutsideTheCalendarTest {

    /** {@code LocalDate.now(}, {@code java.time.Instant.now(}, {@code Clock.systemUTC(}...: a type's static clock read. */
    static final Pattern CLOCK_READ = Pattern.compile(
            "\\b[A-Z]\\w*\\s*\\.\\s*now\\s*\\(|\\bClock\\s*\\.\\s*system\\w*\\s*\\(|\\bnew\\s+(java\\.util\\.)?Date\\s*\\(\\s*\\)");
    static final Set<String> HARNESSES = Set.of("benchmarks", "test-support", "end-to-end-tests");
    static final Path CALENDAR = Path.of("lu", "kulturpass", "platform", "time");

    @Test
    void noMainCodeReadsTheClockOutsideTheProgrammeCalendar() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> !HARNESSES.contains(m.getFileName().toString())).toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(f -> f.toString().endsWith(".java"))
                                .filter(f -> !main.relativize(f).startsWith(CALENDAR))
                                .forEach(sources::add);
                    }
                }
            }
        }
        assertTrue(sources.stream().anyMatch(f -> f.startsWith(root.resolve("pass-service")))
                        && sources.stream().anyMatch(f -> f.startsWith(root.resolve("venue-service")))
                        && sources.stream().anyMatch(f -> f.startsWith(root.resolve("eligibility-service"))),
                "the services' sources are not where this test looks for them: " + root);
        List<String> found = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = read(source);
            for (int i = 0; i < lines.size(); i++) {
                if (CLOCK_READ.matcher(lines.get(i)).find()) {
                    found.add(root.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(found.isEmpty(), "Ask the ProgrammeCalendar (platform, lu.kulturpass.platform.time) for now and today "
                + "instead of reading the clock here: calendar.today() for the programme's day, calendar.nowUtc() for a "
                + "timestamp:\n" + String.join("\n", found));
    }

    @Test
    void theCheckRecognisesEveryWayOfReadingTheClock() {
        for (String line : List.of("LocalDate today = LocalDate.now();", "x = OffsetDateTime.now(ZoneOffset.UTC);",
                "java.time.Instant.now()", "ZonedDateTime.now(zone)", "LocalDateTime . now ()", "Clock.systemUTC()",
                "Clock.systemDefaultZone()", "YearMonth.now()", "new Date()")) {
            assertTrue(CLOCK_READ.matcher(line).find(), line);
        }
        for (String line : List.of("calendar.now()", "calendar.today()", "calendar.nowUtc()", "knownAt(now())")) {
            assertTrue(!CLOCK_READ.matcher(line).find(), line);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
