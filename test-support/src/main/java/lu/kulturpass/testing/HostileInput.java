package lu.kulturpass.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lu.kulturpass.testing.AccessMatrix.Role;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hostile input sent to every operation of the running service's OpenAPI document ({@code /q/openapi?format=json}), with a
 * valid token of a role the operation serves (its {@code security} names the roles).
 *
 * <p>For every operation it builds a plausible request from the document (path and query parameters, headers, and a JSON
 * body from the request body's schema: every property filled, ids as UUIDs, dates as dates), or takes the sample the test
 * gives, and sends it once as it is. Then it changes one thing at a time:
 * <ul>
 *   <li>each field of the body, at any depth (the first item of a list), to values drawn from {@link #CORPUS} (huge
 *       text, emoji, combining marks, right-to-left marks, NUL and other control characters, a lone surrogate, SQL and
 *       script text, wrong types, null, a missing field, numbers for dates, fractions for whole numbers, out-of-range
 *       numbers and dates): for each field the values its type calls for, and a sample of the rest drawn with a
 *       {@link Random} seeded by the operation and field, so every run sends the same requests;</li>
 *   <li>each path, query and header parameter, the same way, as text, and 6,000 and 9,000 characters long (the latter
 *       over the address's limit: 414); never 100,000 characters, as over 64 KB the HTTP server answers 414 itself,
 *       without a body, before the service (HttpLimits); a header never carries a control character: HTTP cannot;</li>
 *   <li>the whole body: wrong content types, no body, malformed JSON, something after the JSON value, a field given
 *       twice, an array or {@code null} for the object, nesting 1,000 deep, and a body declared over the limit (the
 *       headers alone, on a socket); an operation without a body gets an unexpected one; and every operation is asked
 *       for XML.</li>
 * </ul>
 * It requires of every answer: no status of 500 or more (but a 503 the test declares, {@link #mayBeUnavailable}); every
 * 4xx in {@code application/problem+json} with a {@code detail} or {@code title} sentence holding none of the parser's or
 * the platform's internals ({@link #INTERNALS}); and nothing half-written: the databases the test names are read after
 * each request, and a request answered other than 2xx or 3xx must leave every table as it was (rows and content; for the
 * outbox, its identity: an event written moves it even once relayed), but for tables the test says change by themselves
 * (projections fed by the events of an earlier accepted request). All failures are reported together.
 */
public final class HostileInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "__hostile_value__";
    /** Words a person should never read in an answer: the parser's, the database's, or a Java type's. */
    static final Pattern INTERNALS = Pattern.compile("com\\.fasterxml|Unrecognized token|at \\[Source|Cannot deserialize|Cannot construct"
            + "|reference chain|java\\.(lang|util|time|io)|jakarta\\.|org\\.(hibernate|postgresql|jboss)|io\\.(vertx|quarkus|smallrye)|lu\\.kulturpass"
            + "|Exception|PSQL|SQLState|ERROR: |\\$[A-Z]\\w*|\\b[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+");

    /** What a hostile value is meant for: any field, or the one kind of field it attacks. */
    private enum Aim { ANY, TEXT, WHOLE, DATE }

    /** A hostile value: its name in the report, its JSON (raw: some are not what a JSON writer would write), and as text for parameters. */
    private record Hostile(String name, String json, String text, Aim aim) {
        boolean missing() {
            return json == null;
        }
    }

    private static final String HUGE = "A".repeat(100_000);
    private static final String EMOJI = "🎭🎟️👨‍👩‍👧‍👦🏳️‍🌈";
    private static final String COMBINING = "Z̴̡̛͚̙a̸͇̓l̷̰̈g̵̣̈́o̶̜͝ H̸͙̊ämlet";
    private static final String RIGHT_TO_LEFT = "\u202Eteltam\u202C \u200Fمسرح\u200E";

    /** The corpus: each value is sent to a field, a parameter, a header. */
    static final List<Hostile> CORPUS = List.of(
            text("huge text (100,000 characters)", HUGE, Aim.ANY),
            text("emoji", EMOJI, Aim.ANY),
            text("combining marks", COMBINING, Aim.ANY),
            text("right-to-left marks", RIGHT_TO_LEFT, Aim.ANY),
            text("NUL", "Ham\u0000let", Aim.TEXT),
            text("control characters", "\u0001\u0008\u001b[31m\u007f", Aim.TEXT),
            new Hostile("a lone surrogate", "\"a\\ud800b\"", "a\ud800b", Aim.TEXT),
            text("byte order mark and non-characters", "\uFEFF\uFFFE\uFFFF", Aim.ANY),
            text("SQL", "' OR '1'='1'; DROP TABLE outbox_event; --", Aim.ANY),
            text("script", "<script>alert(document.cookie)</script>", Aim.ANY),
            text("a path", "../../../etc/passwd", Aim.ANY),
            text("a format string", "%s%n%x%d{0}${jndi:ldap://x}", Aim.ANY),
            text("empty text", "", Aim.ANY),
            text("blanks", " \t ", Aim.ANY),
            new Hostile("a number", "12345", "12345", Aim.TEXT),
            new Hostile("a fraction", "1.5", "1.5", Aim.WHOLE),
            new Hostile("a negative number", "-1", "-1", Aim.WHOLE),
            new Hostile("zero", "0", "0", Aim.WHOLE),
            new Hostile("a whole number over 32 bits", "2147483648", "2147483648", Aim.WHOLE),
            new Hostile("a whole number over 64 bits", "99999999999999999999999", "99999999999999999999999", Aim.WHOLE),
            new Hostile("a number too large for a double", "1e400", "1e400", Aim.WHOLE),
            new Hostile("true", "true", "true", Aim.ANY),
            new Hostile("an object", "{\"a\":1}", "{\"a\":1}", Aim.ANY),
            new Hostile("a list", "[\"a\",1]", "[\"a\",1]", Aim.ANY),
            new Hostile("an empty list", "[]", "[]", Aim.ANY),
            new Hostile("null", "null", "null", Aim.ANY),
            new Hostile("missing", null, null, Aim.ANY),
            new Hostile("a number for a date", "20260314", "20260314", Aim.DATE),
            text("a date far out of range", "+999999999-12-31", Aim.DATE),
            text("a date and time far out of range", "+999999999-12-31T23:59:59Z", Aim.DATE),
            text("the year 0", "0000-01-01", Aim.DATE),
            text("a day that does not exist", "2026-02-30", Aim.DATE),
            text("a date and time without offset", "2030-03-14T20:00:00", Aim.DATE),
            text("an id that is not one", "not-a-uuid", Aim.ANY));

    /** A parameter's value too long for any address: the service answers 414 itself. */
    private static final Hostile LONG_ADDRESS = new Hostile("text too long for an address (9,000 characters)", null, "B".repeat(9000), Aim.ANY);
    /** A long parameter the address still holds. */
    private static final Hostile LONG_PARAMETER = new Hostile("long text (6,000 characters)", null, "C".repeat(6000), Aim.ANY);

    private static Hostile text(String name, String value, Aim aim) {
        return new Hostile(name, TextNode.valueOf(value).toString(), value, aim);
    }

    private final String service;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> queryValues = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> headerValues = new LinkedHashMap<>();
    private final Map<String, String> bodies = new LinkedHashMap<>();
    private final Map<String, Role> callers = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final Set<String> changingByThemselves = new LinkedHashSet<>();
    private int perField = 12;
    private long seed = 22;

    private HostileInput(String service) {
        this.service = service;
    }

    /** Hostile input for one service, e.g. {@code venue-service}; call from a {@code @QuarkusTest}. */
    public static HostileInput forService(String service) {
        return new HostileInput(service);
    }

    /** A valid token of this role, of a partner the service knows: the caller of every operation whose security names the role. */
    public HostileInput token(Role role, String token) {
        tokens.put(role, token);
        return this;
    }

    /** Which of the roles it serves calls this operation ({@code "GET /performances"}); by default the first the document names that has a token. */
    public HostileInput caller(String operation, Role role) {
        callers.put(OperationName.normalised(operation), role);
        return this;
    }

    /** A path parameter's value in this operation ({@code "PUT /performances/{id}"}), e.g. an existing resource; otherwise one from its schema. */
    public HostileInput path(String operation, String parameter, Object value) {
        pathValues.put(OperationName.normalised(operation) + " " + parameter, String.valueOf(value));
        return this;
    }

    /** A query parameter's plausible value in this operation; otherwise one from its schema. */
    public HostileInput query(String operation, String parameter, Object value) {
        queryValues.computeIfAbsent(OperationName.normalised(operation), o -> new LinkedHashMap<>()).put(parameter, String.valueOf(value));
        return this;
    }

    /** A header's plausible value in this operation (e.g. {@code Idempotency-Key}); otherwise one from its schema. */
    public HostileInput header(String operation, String header, Object value) {
        headerValues.computeIfAbsent(OperationName.normalised(operation), o -> new LinkedHashMap<>()).put(header, String.valueOf(value));
        return this;
    }

    /** A plausible JSON body for this operation, instead of the one built from its schema (fields the schema holds are mutated). */
    public HostileInput json(String operation, String body) {
        bodies.put(OperationName.normalised(operation), body);
        return this;
    }

    /** An operation that answers 503 to a caller who gets through, in these tests (e.g. no Keycloak to manage accounts), with why. */
    public HostileInput mayBeUnavailable(String operation, String why) {
        unavailable.put(OperationName.normalised(operation), why);
        return this;
    }

    /**
     * The operations every service has from platform (lu.kulturpass.platform.account, .inbox): the staff accounts, with an
     * invitation of a user of {@code invited}'s role for {@code partnerId} (these tests run no Keycloak: a caller who gets
     * through is answered 503), and the replay of {@code channel}'s dead letters.
     */
    public HostileInput platformOperations(Role invited, String partnerId, String channel) {
        json("POST /accounts", "{\"username\":\"hostile." + invited.claim + "\",\"firstName\":\"Nina\",\"lastName\":\"Neu\","
                + "\"email\":\"nina@example.lu\",\"role\":\"" + invited.claim + "\",\"partnerId\":\"" + partnerId + "\"}");
        path("POST /dead-letters/{channel}/replay", "channel", channel);
        for (String operation : List.of("GET /accounts", "POST /accounts", "POST /accounts/{id}/disable", "POST /accounts/{id}/enable")) {
            mayBeUnavailable(operation, "these tests run no Keycloak: a caller who gets through is answered 503");
        }
        return this;
    }

    /** The database of the service under test, by the name its tables are reported under (e.g. {@code kulturpass_venue}). */
    public HostileInput databaseOfTheService(String name) {
        return database(name, ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    }

    /** A database of the service (or one it writes through another service) whose tables a refused request must leave as they were. */
    public HostileInput database(String name, String jdbcUrl) {
        databases.put(name, jdbcUrl);
        return this;
    }

    /**
     * Tables ({@code "kulturpass_pass.stats_pass"}, or {@code "kulturpass_pass.stats_*"} for all those the name begins) that
     * change by themselves: fed by events, after an accepted request; they are not compared.
     */
    public HostileInput changesByItself(String... tables) {
        changingByThemselves.addAll(List.of(tables));
        return this;
    }

    private boolean changesByItself(String table) {
        return changingByThemselves.stream().anyMatch(name -> name.endsWith("*") ? table.startsWith(name.substring(0, name.length() - 1))
                : table.equals(name));
    }

    /** How many values of the corpus each field and parameter gets, besides those its type calls for (12 by default). */
    public HostileInput valuesPerField(int count) {
        this.perField = count;
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** What was sent and what went wrong. */
    public record Result(String service, int operations, int requests, Map<String, Integer> statuses, int tables, List<String> failures,
                         Duration took) {

        public String summary() {
            return service + ": " + operations + " operations, " + requests + " hostile requests in " + took.toSeconds() + " s; answers "
                    + statuses + "; " + tables + " tables compared after each; " + failures.size() + " failures";
        }

        /** Fails with every failure, one a line. */
        public void assertNoFailures() {
            if (!failures.isEmpty()) {
                throw new AssertionError(summary() + ":\n" + String.join("\n", failures));
            }
        }
    }

    /** Sends everything, checking each answer and the databases after each; prints the counts. */
    public Result run() {
        long start = System.nanoTime();
        JsonNode document = readOrNull(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Run run = new Run(document);
        run.snapshot = run.databases.whenQuiet();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (OperationName.METHODS.contains(method.getKey())) {
                    operations++;
                    run.operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue());
                }
            }
        }
        run.databases.close();
        Result result = new Result(service, operations, run.requests, new TreeMap<>(run.statuses), run.snapshot.size(), run.failures,
                Duration.ofNanos(System.nanoTime() - start));
        System.out.println("[HostileInput] " + result.summary());
        // the plausible request's answer says how deep the changed ones reach: past the parsing only, or into the operation
        run.perOperation.forEach((operation, count) -> System.out.println("[HostileInput] " + service + " " + operation + ": " + count
                + " requests; the plausible one answered " + run.plausible.get(operation)));
        return result;
    }

    private String jsonText(String value) {
        return TextNode.valueOf(value).toString();
    }

    /** One run over the document. */
    private final class Run {
        final JsonNode document;
        final List<String> failures = new ArrayList<>();
        final Map<String, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> perOperation = new LinkedHashMap<>();
        final Map<String, Integer> plausible = new LinkedHashMap<>();
        final DatabaseSnapshot databases = new DatabaseSnapshot(service, HostileInput.this.databases, table -> !changesByItself(table));
        Map<String, DatabaseSnapshot.Table> snapshot;
        int requests;

        Run(JsonNode document) {
            this.document = document;
        }

        /** One operation of the document: its plausible request, then each change of it. */
        void operation(String method, String template, JsonNode spec) {
            String name = OperationName.of(method, template);
            Request base = new Request(name, method, template);
            JsonNode security = spec.get("security");
            if (security != null) {
                base.token = tokenFor(name, security);
            }
            List<Parameter> parameters = new ArrayList<>();
            for (JsonNode parameter : spec.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                Parameter p = new Parameter(resolved.path("name").asText(), resolved.path("in").asText(), resolve(resolved.path("schema")));
                parameters.add(p);
                String given = switch (p.in) {
                    case "path" -> pathValues.get(name + " " + p.name);
                    case "query" -> queryValues.getOrDefault(name, Map.of()).get(p.name);
                    case "header" -> headerValues.getOrDefault(name, Map.of()).get(p.name);
                    default -> null;
                };
                String value = given != null ? given : plausibleText(p.name, p.schema);
                switch (p.in) {
                    case "path" -> base.path.put(p.name, value);
                    case "query" -> base.query.put(p.name, value);
                    case "header" -> base.headers.put(p.name, value);
                    default -> { }
                }
            }
            for (String parameter : OperationName.parameters(template)) {
                base.path.putIfAbsent(parameter, pathValues.getOrDefault(name + " " + parameter, UUID.randomUUID().toString()));
            }
            JsonNode content = spec.path("requestBody").path("content");
            JsonNode jsonSchema = null;
            String binaryType = null;
            if (content.has("application/json")) {
                jsonSchema = resolve(content.path("application/json").path("schema"));
                base.contentType = "application/json";
                base.body = bodies.containsKey(name) ? bodies.get(name) : write(plausible(jsonSchema, 0));
            } else if (content.size() > 0) {
                binaryType = content.fieldNames().next();
                base.contentType = binaryType;
                base.bytes = binaryType.startsWith("text/") ? "a;b\r\n1;2\r\n".getBytes(StandardCharsets.UTF_8) : new byte[] {(byte) 0x89, 'P', 'N', 'G'};
            }

            send(base, "the plausible request");

            for (Parameter p : parameters) {
                if (!Set.of("path", "query", "header").contains(p.in)) {
                    continue;
                }
                for (Hostile value : sample(name + " " + p.in + " " + p.name, kindOf(p.name, p.schema), true)) {
                    if (p.in.equals("header") && (value.text() == null || !value.text().chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
                        continue; // HTTP carries no control character, nor other than ASCII, in a header
                    }
                    Request changed = base.copy();
                    Map<String, String> where = p.in.equals("path") ? changed.path : p.in.equals("query") ? changed.query : changed.headers;
                    if (value.text() == null) {
                        if (p.in.equals("path")) {
                            where.put(p.name, "");
                        } else {
                            where.remove(p.name);
                        }
                    } else {
                        where.put(p.name, value.text());
                    }
                    send(changed, p.in + " parameter '" + p.name + "' = " + value.name());
                }
            }

            if (base.body != null) {
                JsonNode tree = readOrNull(base.body);
                if (tree != null) {
                    List<Field> fields = new ArrayList<>();
                    fields(tree, jsonSchema, "", fields, 0);
                    for (Field field : fields) {
                        for (Hostile value : sample(name + " body " + field.path, field.kind, false)) {
                            Request changed = base.copy();
                            changed.body = mutated(tree, field.pointer, value);
                            send(changed, "field '" + field.path + "' = " + value.name());
                        }
                    }
                    wholeBodyAttacks(base, tree);
                }
            } else if (base.bytes != null) {
                Request empty = base.copy();
                empty.bytes = new byte[0];
                send(empty, "an empty " + binaryType + " body");
                Request noise = base.copy();
                byte[] bytes = new byte[1024 * 1024];
                new Random(seed).nextBytes(bytes);
                noise.bytes = bytes;
                send(noise, "1 MB of random bytes as " + binaryType);
                Request json = base.copy();
                json.contentType = "application/json";
                json.bytes = null;
                json.body = "{\"a\":1}";
                send(json, "JSON instead of " + binaryType);
                overTheLimit(base);
            } else if (!method.equals("GET")) {
                Request unexpected = base.copy();
                unexpected.contentType = "application/json";
                unexpected.body = "{\"unexpected\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
                send(unexpected, "an unexpected body, nested 1,000 deep");
            }
            Request xml = base.copy();
            xml.headers.put("Accept", "application/xml");
            send(xml, "asked for XML");
        }

        void wholeBodyAttacks(Request base, JsonNode tree) {
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                    "application/json; charset=UTF-16")) {
                Request wrong = base.copy();
                wrong.contentType = type;
                send(wrong, "content type " + type);
            }
            Request none = base.copy();
            none.body = "";
            send(none, "no body");
            String body = base.body;
            Map<String, String> attacks = new LinkedHashMap<>();
            attacks.put("malformed JSON (cut off)", body.substring(0, Math.max(1, body.length() / 2)));
            attacks.put("malformed JSON (no quotes)", "{title: Hamlet, placesOffered: 5}");
            attacks.put("something after the JSON value", body + " {}");
            attacks.put("null for the body", "null");
            attacks.put("a list for the body", "[" + body + "]");
            attacks.put("text for the body", "\"Hamlet\"");
            attacks.put("nesting 1,000 deep", "[".repeat(1000) + "]".repeat(1000));
            if (tree.isObject() && tree.size() > 0) {
                String first = tree.fieldNames().next();
                attacks.put("field '" + first + "' given twice", "{" + jsonText(first) + ":" + write(tree.get(first)) + "," + body.substring(1));
                attacks.put("field '" + first + "' nested 1,000 deep", mutatedRaw(tree, "/" + escape(first), "[".repeat(1000) + "]".repeat(1000)));
            }
            attacks.forEach((what, attack) -> {
                Request changed = base.copy();
                changed.body = attack;
                send(changed, what);
            });
            overTheLimit(base);
        }

        /** A body declared over the service's limit: only the headers are sent, on a socket; the service answers from the length. */
        void overTheLimit(Request base) {
            String what = "a body declared over the limit (11 MB)";
            count(base.name);
            StringBuilder head = new StringBuilder(base.method + " " + base.url() + " HTTP/1.1\r\nHost: localhost\r\n");
            if (base.token != null) {
                head.append("Authorization: Bearer ").append(base.token).append("\r\n");
            }
            head.append("Content-Type: ").append(base.contentType).append("\r\nContent-Length: ").append(11 * 1024 * 1024).append("\r\n\r\n");
            try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
                String answer = answerOf(socket.getInputStream());
                String status = answer.length() >= 12 ? answer.substring(9, 12) : "?";
                statuses.merge(status, 1, Integer::sum);
                if (!answer.startsWith("HTTP/1.1 413") || !answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json")) {
                    failures.add(base.name + " with " + what + ": expected 413 in problem+json, answered " + abbreviated(answer));
                }
            } catch (IOException e) {
                failures.add(base.name + " with " + what + ": " + e);
            }
            checkNothingWritten(base.name, what, 413);
        }

        void send(Request request, String what) {
            count(request.name);
            Response response;
            try {
                response = request.send();
            } catch (RuntimeException e) {
                failures.add(request.name + " with " + what + ": no answer (" + e + ")");
                checkNothingWritten(request.name, what, 0);
                return;
            }
            int status = response.statusCode();
            statuses.merge(String.valueOf(status), 1, Integer::sum);
            plausible.putIfAbsent(request.name, status);
            String body = response.asString();
            String type = response.contentType() == null ? "" : response.contentType();
            String line = request.name + " with " + what + ": " + status + " " + abbreviated(body);
            if (status >= 500 && !(status == 503 && unavailable.containsKey(request.name))) {
                failures.add("SERVER ERROR " + line);
            } else if (status >= 400) {
                if (!type.startsWith("application/problem+json")) {
                    failures.add("NOT A PROBLEM (" + (type.isEmpty() ? "no content type" : type) + ") " + line);
                } else {
                    JsonNode problem = readOrNull(body);
                    String sentence = problem == null ? null : !problem.path("detail").asText("").isBlank() ? problem.path("detail").asText()
                            : problem.path("title").asText("");
                    if (sentence == null || sentence.isBlank()) {
                        failures.add("NO SENTENCE " + line);
                    } else {
                        Matcher internal = INTERNALS.matcher(sentence);
                        if (internal.find()) {
                            failures.add("INTERNALS ('" + internal.group() + "') " + line);
                        }
                    }
                }
            }
            checkNothingWritten(request.name, what, status);
        }

        void count(String operation) {
            requests++;
            perOperation.merge(operation, 1, Integer::sum);
        }

        void checkNothingWritten(String operation, String what, int status) {
            if (HostileInput.this.databases.isEmpty()) {
                return;
            }
            Map<String, DatabaseSnapshot.Table> after = databases.read();
            if (!(status >= 200 && status < 400)) {
                List<String> changed = DatabaseSnapshot.changes(snapshot, after);
                if (!changed.isEmpty()) {
                    failures.add("HALF-WRITTEN " + operation + " with " + what + ": answered " + status + " but changed " + String.join(", ", changed));
                }
            }
            snapshot = after;
        }

        String tokenFor(String operation, JsonNode security) {
            Role chosen = callers.get(operation);
            if (chosen == null) {
                List<String> named = new ArrayList<>();
                security.forEach(requirement -> requirement.fields().forEachRemaining(e -> e.getValue().forEach(role -> named.add(role.asText()))));
                if (named.isEmpty()) {
                    chosen = tokens.keySet().iterator().next(); // any signed-in caller
                } else {
                    for (String role : named) {
                        for (Role known : tokens.keySet()) {
                            if (chosen == null && known.claim.equals(role)) {
                                chosen = known;
                            }
                        }
                    }
                }
                if (chosen == null) {
                    chosen = tokens.keySet().iterator().next(); // no token of the roles it serves: refused, still in problem+json
                }
            }
            String token = tokens.get(chosen);
            if (token == null) {
                throw new IllegalStateException(service + ": no token for " + chosen + ", the caller of " + operation);
            }
            return token;
        }

        JsonNode resolve(JsonNode node) {
            int hops = 0;
            while (node != null && node.has("$ref") && hops++ < 20) {
                String ref = node.get("$ref").asText();
                node = document.at(ref.substring(1));
            }
            if (node != null && node.has("allOf") && node.get("allOf").size() == 1 && !node.has("properties")) {
                return resolve(node.get("allOf").get(0));
            }
            return node == null ? NODES.objectNode() : node;
        }

        /** A plausible value for a schema: every property of an object, one item of a list. */
        JsonNode plausible(JsonNode schema, int depth) {
            schema = resolve(schema);
            if (depth > 8) {
                return NODES.nullNode();
            }
            if (schema.has("enum") && schema.get("enum").size() > 0) {
                return schema.get("enum").get(0);
            }
            String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
            switch (type) {
                case "object": {
                    ObjectNode object = NODES.objectNode();
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), plausibleNamed(p.getKey(), p.getValue(), depth)));
                    return object;
                }
                case "array": {
                    ArrayNode array = NODES.arrayNode();
                    array.add(plausible(schema.path("items"), depth + 1));
                    return array;
                }
                case "integer":
                    return NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
                case "number":
                    return NODES.numberNode(1.5);
                case "boolean":
                    return NODES.booleanNode(false);
                default:
                    return NODES.textNode(plausibleText("", schema));
            }
        }

        JsonNode plausibleNamed(String name, JsonNode schema, int depth) {
            JsonNode value = plausible(schema, depth + 1);
            if (value.isTextual() && !resolve(schema).has("format") && !resolve(schema).has("enum")) {
                return NODES.textNode(plausibleText(name, schema));
            }
            return value;
        }

        String plausibleText(String name, JsonNode schema) {
            schema = resolve(schema);
            if (schema.has("default")) {
                return schema.get("default").asText();
            }
            if (schema.has("enum") && schema.get("enum").size() > 0) {
                return schema.get("enum").get(0).asText();
            }
            String type = schema.path("type").asText("string");
            if (type.equals("integer")) {
                return "1";
            }
            if (type.equals("number")) {
                return "1.5";
            }
            if (type.equals("boolean")) {
                return "false";
            }
            String format = schema.path("format").asText("");
            String lower = name.toLowerCase(Locale.ROOT);
            if (format.equals("uuid") || lower.endsWith("id")) {
                return UUID.randomUUID().toString();
            }
            if (format.equals("date") || lower.equals("from") || lower.equals("to") || lower.endsWith("date") || lower.endsWith("on")) {
                return "2030-03-14";
            }
            if (format.equals("date-time") || lower.endsWith("at")) {
                return "2030-03-14T20:00:00+01:00";
            }
            if (lower.contains("email")) {
                return "hostile@example.lu";
            }
            if (lower.equals("language")) {
                return "fr";
            }
            int longest = schema.path("maxLength").asInt(40);
            String text = "Hostile " + (name.isEmpty() ? "text" : name);
            return text.length() > longest ? text.substring(0, Math.max(1, longest)) : text;
        }

        Aim kindOf(String name, JsonNode schema) {
            schema = resolve(schema);
            String type = schema.path("type").asText("string");
            String format = schema.path("format").asText("");
            String lower = name.toLowerCase(Locale.ROOT);
            if (type.equals("integer") || type.equals("number")) {
                return Aim.WHOLE;
            }
            if (format.startsWith("date") || lower.endsWith("date") || lower.equals("from") || lower.equals("to")
                    || lower.endsWith("at") || lower.endsWith("from") || lower.endsWith("until") || lower.endsWith("on")) {
                return Aim.DATE;
            }
            return Aim.TEXT;
        }

        /** The fields of a body, with the kind of value each holds, to be changed one at a time. */
        void fields(JsonNode node, JsonNode schema, String pointer, List<Field> fields, int depth) {
            if (depth > 6) {
                return;
            }
            JsonNode resolved = schema == null ? NODES.objectNode() : resolve(schema);
            if (node.isObject()) {
                node.fields().forEachRemaining(field -> {
                    JsonNode fieldSchema = resolved.path("properties").get(field.getKey());
                    String child = pointer + "/" + escape(field.getKey());
                    Aim kind = field.getValue().isNumber() ? Aim.WHOLE : kindOf(field.getKey(), fieldSchema == null ? NODES.objectNode() : fieldSchema);
                    fields.add(new Field(child, readable(child), kind));
                    fields(field.getValue(), fieldSchema, child, fields, depth + 1);
                });
            } else if (node.isArray() && node.size() > 0) {
                JsonNode items = resolved.get("items");
                String child = pointer + "/0";
                fields.add(new Field(child, readable(child), node.get(0).isNumber() ? Aim.WHOLE : Aim.ANY));
                fields(node.get(0), items, child, fields, depth + 1);
            }
        }

        /** The values a field or parameter gets: those its kind calls for, and a seeded sample of the rest. */
        List<Hostile> sample(String where, Aim kind, boolean parameter) {
            List<Hostile> aimed = new ArrayList<>();
            List<Hostile> others = new ArrayList<>();
            for (Hostile value : CORPUS) {
                if (parameter && value.text() == null && !value.missing()) {
                    continue;
                }
                if (value.aim() == kind && value.aim() != Aim.ANY || value.missing() || value.name().equals("null") && !parameter) {
                    aimed.add(value);
                } else {
                    others.add(value);
                }
            }
            if (parameter) {
                aimed.add(LONG_PARAMETER);
                aimed.add(LONG_ADDRESS);
                aimed.add(CORPUS.get(4)); // NUL
                // no 100,000 characters in an address: over 64 KB the HTTP server answers 414 itself, without a body (HttpLimits)
                others.remove(CORPUS.get(0));
            }
            java.util.Collections.shuffle(others, new Random(seed ^ where.hashCode()));
            List<Hostile> chosen = new ArrayList<>(new LinkedHashSet<>(aimed));
            others.stream().filter(value -> !chosen.contains(value)).limit(perField).forEach(chosen::add);
            return chosen;
        }
    }

    private record Field(String pointer, String path, Aim kind) {
    }

    private record Parameter(String name, String in, JsonNode schema) {
    }

    /** A request: method, address, token, headers and body. */
    private final class Request {
        final String name;
        final String method;
        final String template;
        String token;
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        String body;
        byte[] bytes;

        Request(String name, String method, String template) {
            this.name = name;
            this.method = method;
            this.template = template;
        }

        Request copy() {
            Request copy = new Request(name, method, template);
            copy.token = token;
            copy.path = new LinkedHashMap<>(path);
            copy.query = new LinkedHashMap<>(query);
            copy.headers = new LinkedHashMap<>(headers);
            copy.contentType = contentType;
            copy.body = body;
            copy.bytes = bytes;
            return copy;
        }

        String url() {
            String url = OperationName.path(template, parameter -> path.getOrDefault(parameter, ""));
            return query.isEmpty() ? url : url + "?" + query.entrySet().stream()
                    .map(e -> OperationName.encoded(e.getKey()) + "=" + OperationName.encoded(e.getValue())).collect(Collectors.joining("&"));
        }

        Response send() {
            RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false)
                    .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                            .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)
                            .encodeContentTypeAs("multipart/form-data", io.restassured.http.ContentType.TEXT)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            if (contentType != null) {
                request.contentType(contentType);
                if (bytes != null) {
                    request.body(bytes);
                } else if (body != null) {
                    request.body(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            return request.request(method, url());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String mutated(JsonNode tree, String pointer, Hostile value) {
        if (value.missing()) {
            JsonNode copy = tree.deepCopy();
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = copy.at(pointer.substring(0, slash));
            String last = unescape(pointer.substring(slash + 1));
            if (parent instanceof ObjectNode object) {
                object.remove(last);
            } else if (parent instanceof ArrayNode array) {
                array.remove(Integer.parseInt(last));
            }
            return write(copy);
        }
        return mutatedRaw(tree, pointer, value.json());
    }

    /** The body with the value at the pointer replaced by raw JSON text (not always what a JSON writer would write). */
    private static String mutatedRaw(JsonNode tree, String pointer, String raw) {
        JsonNode copy = tree.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = unescape(pointer.substring(slash + 1));
        if (parent instanceof ObjectNode object) {
            object.put(last, MARKER);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), TextNode.valueOf(MARKER));
        }
        return write(copy).replace("\"" + MARKER + "\"", raw);
    }

    private static String readable(String pointer) {
        return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.').replace("~1", "/").replace("~0", "~");
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String key) {
        return key.replace("~1", "/").replace("~0", "~");
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > 240 ? flat.substring(0, 240) + "…" : flat;
    }

    /** What the service answered on the socket: up to the end of the body its Content-Length announces. */
    private static String answerOf(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        Pattern length = Pattern.compile("(?i)content-length: *(\\d+)");
        while (true) {
            String text = read.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            Matcher declared = length.matcher(text);
            if (end >= 0 && declared.find() && read.size() >= end + 4 + Integer.parseInt(declared.group(1))) {
                return text;
            }
            int n = in.read(buffer);
            if (n < 0) {
                return read.toString(StandardCharsets.UTF_8);
            }
            read.write(buffer, 0, n);
        }
    }
}
