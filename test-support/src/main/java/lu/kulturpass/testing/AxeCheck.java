package lu.kulturpass.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (installed from npm by test-support's build, in this jar) run in the page as it is now: the WCAG 2.0 and
 * 2.1 A and AA rules and axe's best practices. A violation fails the test with one line per rule: its id, its
 * impact, what it asks, and the selectors of the elements that break it.
 */
final class AxeCheck {

    /** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (landmarks, headings). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private static final String SOURCE = load();

    private AxeCheck() {
    }

    /** Fails with the list of violations when axe finds any in the page; {@code where} names the page's state. */
    static void assertNoViolations(ChromeDriver driver, String where) {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(SOURCE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object answer = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })"
                + " .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help,"
                + "  targets: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' (' + n.failureSummary.replace(/\\s+/g, ' ').trim() + ')' : '')) }))),"
                + "  e => done('axe failed: ' + e));", TAGS);
        if (answer instanceof String failure) {
            throw new IllegalStateException(failure + " (" + where + ")");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) answer;
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core finds " + violations.size() + " accessibility violation(s) on "
                    + driver.getCurrentUrl() + " (" + where + "):\n" + violations.stream().map(AxeCheck::line)
                    .collect(Collectors.joining("\n")));
        }
    }

    @SuppressWarnings("unchecked")
    private static String line(Map<String, Object> violation) {
        return "- " + violation.get("id") + " [" + violation.get("impact") + "] " + violation.get("help") + ":\n    "
                + String.join("\n    ", (List<String>) violation.get("targets"));
    }

    private static String load() {
        try (InputStream in = AxeCheck.class.getResourceAsStream("axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from test-support's jar (lu/kulturpass/testing/axe/axe.min.js):"
                        + " its build installs it with npm");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
