package lu.kulturpass.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page's own token reader (passtoken.js, used offline) against every published test vector of the pass
 * token (pass-token's test-vectors.txt, the file docs/pass-token.md shows): the same claims and pass number as
 * the Java signer, and the same refusal as venue-service for each rejected text, with WebCrypto's Ed25519.
 */
@QuarkusTest
class ScannerTokenTest extends ScannerBrowserTest {

    private static final Path VECTORS = Path.of("..", "pass-token", "src", "test", "resources", "lu", "kulturpass", "token", "test-vectors.txt");

    /** The refusal venue-service gives for each rejection of the Java verifier (Reason.of). */
    private static final Map<String, String> SERVER_REASON = Map.of("EMPTY", "NOT_A_KULTURPASS", "UNKNOWN_VERSION", "NOT_A_KULTURPASS",
            "NOT_ENCODED", "NOT_A_KULTURPASS", "WRONG_LENGTH", "DAMAGED_CODE", "BAD_CONTENT", "DAMAGED_CODE",
            "UNKNOWN_KEY", "UNKNOWN_KEY", "BAD_SIGNATURE", "FORGED");

    /** The records of the vectors file: kind, name, and their indented "field: value" lines. */
    private static List<Map<String, String>> records() throws IOException {
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, String> record = null;
        for (String line : Files.readAllLines(VECTORS)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                record = new LinkedHashMap<>();
                record.put("kind", line.substring(0, line.indexOf(':')));
                records.add(record);
            } else {
                String field = line.strip();
                int colon = field.indexOf(':');
                record.put(field.substring(0, colon), colon + 2 <= field.length() ? field.substring(colon + 2) : "");
            }
        }
        return records;
    }

    private JsonPath check(String text, String publicKey) {
        String answer = (String) browser.driver().executeAsyncScript("const [text, key, done] = arguments;"
                + "PassToken.check(text, (id) => (id === 1 ? key : null)).then((r) => done(JSON.stringify({ reason: r.reason,"
                + " card: r.card && { ...r.card, passNumber: PassToken.passNumber(r.card.passId), signed: null, signature: null } })),"
                + " (e) => done(JSON.stringify({ reason: 'THREW ' + e })));", text, publicKey);
        return new JsonPath(answer);
    }

    @Test
    void thePagesTokenReaderAgreesWithEveryPublishedTestVector() throws IOException {
        browser.open(url.toString());
        List<Map<String, String>> records = records();
        String publicKey = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(records.get(0).get("public-key")));
        int tokens = 0;
        int rejected = 0;
        for (Map<String, String> record : records) {
            if ("token".equals(record.get("kind"))) {
                tokens++;
                JsonPath read = check(record.get("text"), publicKey);
                assertEquals(null, read.getString("reason"), record.toString());
                Map<String, String> claims = new LinkedHashMap<>();
                for (String pair : record.get("claims").split(" ")) {
                    claims.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
                assertEquals(claims.get("pass-id"), read.getString("card.passId"));
                assertEquals(claims.get("valid-from"), read.getString("card.validFrom"));
                assertEquals(claims.get("valid-until"), read.getString("card.validUntil"));
                assertEquals(claims.get("category"), read.getString("card.category"));
                assertEquals(claims.get("group-size"), read.getString("card.groupSize"));
                assertEquals(claims.get("initials"), read.getString("card.initials"));
                assertEquals("0".equals(claims.get("birth-year")) ? null : claims.get("birth-year"), read.getString("card.birthYear"));
                assertEquals(record.get("pass-number"), read.getString("card.passNumber"));
            } else if ("rejected".equals(record.get("kind"))) {
                rejected++;
                assertEquals(SERVER_REASON.get(record.get("reason")), check(record.get("text"), publicKey).getString("reason"), record.toString());
            }
        }
        assertTrue(tokens >= 4 && rejected >= 9, tokens + " tokens and " + rejected + " rejected texts read");
    }
}
