package lu.kulturpass.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * A cross-tenant access matrix, generated from the running service's OpenAPI document ({@code /q/openapi?format=json}):
 * every operation is called by callers it must refuse, and none of them may leave anything behind.
 *
 * <p>The test class states, as data, which roles each operation serves ({@link #operation}), and which few operations
 * are public ({@link #publicOperation}). The generator fails when the document holds an operation the table does not
 * name (a new endpoint cannot slip by unlisted), or the table names one the document no longer holds.
 *
 * <p>For every operation it sends, with a plausible valid request (the table's sample body, path and query):
 * <ul>
 *   <li>no token, a malformed token, a token signed by another key, an unsigned one ({@code alg: none}), one of another
 *       issuer, an expired one (each with the claims of a user the operation serves), and a GET sent as HEAD without a
 *       token: 401;</li>
 *   <li>each role the operation does not serve, as a user of the first partner (the one owning the resources): 403;</li>
 *   <li>for a POST or PUT with a JSON body, no token and a role it does not serve with the body {@code {}}: 401 and 403,
 *       not 400 (authorization comes before validation for a caller who may not call at all);</li>
 *   <li>each partner-scoped role it serves (agency staff, box office, venue manager), with no partner claim and with an
 *       unknown partner (a random UUID): 403;</li>
 *   <li>when the request names the first partner's resource (its path, or as the table says its body or query), each
 *       partner-scoped role it serves, as a user of another partner: 403 (or what the table documents, e.g. a 404 for a
 *       service that hides existence), for another reason than an unknown partner's (else the case would prove
 *       nothing).</li>
 * </ul>
 * Every 403 is {@code application/problem+json} with a sentence. A 2xx or 5xx is a hole, named in the failure.
 * Cases the table marks as known gaps are sent and printed, not judged (until they are refused: then the entry must
 * go). Last, the databases the table names are compared with what they held before the first request: every table's
 * rows (count and content) and the outbox's identity (an event written moves it, even if relayed or rolled back since:
 * a refused request has no business recording one).
 */
public final class AccessMatrix {

    /** The four Kulturpass roles (the token's {@code groups}). */
    public enum Role {
        PROGRAMME_STAFF("programme-staff"), AGENCY_STAFF("agency-staff"), BOX_OFFICE("box-office"), VENUE_MANAGER("venue-manager");

        public final String claim;

        Role(String claim) {
            this.claim = claim;
        }

        /** Whether users of this role belong to a partner (an agency or a venue) and act only for it. */
        public boolean partnerScoped() {
            return this != PROGRAMME_STAFF;
        }

        @Override
        public String toString() {
            return claim;
        }
    }

    /** What a case tries: a bad or missing token, a role not served, or a served role without, or with the wrong, partner. */
    private enum Kind { TOKEN, ROLE, NO_PARTNER, UNKNOWN_PARTNER, ANOTHER_PARTNER }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Duration STUCK = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final String service;
    private final Map<Role, String> firstPartner = new EnumMap<>(Role.class);
    private final Map<Role, String> anotherPartner = new EnumMap<>(Role.class);
    private final Map<String, String> publicOperations = new LinkedHashMap<>();
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> gapsSeen = new ArrayList<>();

    private AccessMatrix(String service) {
        this.service = service;
    }

    /**
     * Points RestAssured at the service under test from a {@code @BeforeAll} method, so the fixture can be made there
     * through the API: {@code @QuarkusTest} sets RestAssured's port only before each test.
     */
    public static void callTheServiceUnderTest() {
        RestAssured.port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    /** A matrix for one service, e.g. {@code pass-service}. */
    public static AccessMatrix forService(String service) {
        return new AccessMatrix(service);
    }

    /**
     * The partner a user of this role belongs to: {@code first} owns the resources the table's requests name,
     * {@code another} is a second registered partner of the same kind (an agency for agency staff, a venue for the box
     * office and venue managers); null when no operation serves the role (its users only call as a role not served).
     */
    public AccessMatrix partners(Role role, String first, String another) {
        if (!role.partnerScoped()) {
            throw new IllegalArgumentException(role + " belongs to no partner");
        }
        firstPartner.put(role, first);
        anotherPartner.put(role, another);
        return this;
    }

    /** An operation anyone may call (e.g. {@code "GET /signing-keys"}), with why; it is skipped. Keep this list short. */
    public AccessMatrix publicOperation(String operation, String why) {
        publicOperations.put(normalised(operation), why);
        return this;
    }

    /** A database of the service (or one it changes through another service) that the matrix must leave as it was. */
    public AccessMatrix database(String name, String jdbcUrl) {
        databases.put(name, jdbcUrl);
        return this;
    }

    /** An operation ({@code "POST /passes/{id}/transitions"}) and the roles it serves; add its sample request to the result. */
    public Operation operation(String operation, Role... allowed) {
        Operation entry = new Operation(normalised(operation), Set.of(allowed));
        if (operations.put(entry.name, entry) != null) {
            throw new IllegalArgumentException(entry.name + " is in the table twice");
        }
        return entry;
    }

    /** An operation any signed-in caller may call, whatever their role or partner (e.g. {@code GET /me}): only tokens are checked. */
    public Operation anySignedIn(String operation) {
        Operation entry = operation(operation, Role.values());
        entry.anySignedIn = true;
        return entry;
    }

    /** One row of the table: the roles an operation serves, and a plausible valid request to send it. */
    public final class Operation {

        private final String name;
        private final String method;
        private final String template;
        private final Set<Role> allowed;
        private final Map<String, Function<Role, String>> path = new LinkedHashMap<>();
        private final Map<String, Function<Role, String>> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Function<Role, Object> body;
        private String contentType;
        private boolean anySignedIn;
        private Boolean namesFirstPartnersResource;
        private int anotherPartnerStatus = 403;
        private String anotherPartnerWhy;
        private final Map<String, String> gaps = new LinkedHashMap<>();
        private final Map<Role, String> unknownPartnerRefusals = new EnumMap<>(Role.class);

        private Operation(String name, Set<Role> allowed) {
            this.name = name;
            this.method = name.substring(0, name.indexOf(' '));
            this.template = name.substring(name.indexOf(' ') + 1);
            this.allowed = allowed;
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException(name + ": name the roles it serves");
            }
        }

        /** A path parameter's value: a real resource of the first partner. */
        public Operation path(String parameter, Object value) {
            return path(parameter, role -> String.valueOf(value));
        }

        /** A path parameter's value for the caller's role (a partner id: the first partner's agency for agency staff, its theatre for the box office). */
        public Operation path(String parameter, Function<Role, String> value) {
            path.put(parameter, value);
            return this;
        }

        public Operation query(String parameter, Object value) {
            query.put(parameter, role -> String.valueOf(value));
            return this;
        }

        public Operation header(String header, String value) {
            headers.put(header, value);
            return this;
        }

        /** A JSON body, valid for a caller the operation serves. */
        public Operation json(String body) {
            return body("application/json", role -> body);
        }

        /** A JSON body for the caller's role. */
        public Operation json(Function<Role, Object> body) {
            return body("application/json", body);
        }

        /** A body of another type (a CSV file, a photo). */
        public Operation body(String contentType, Object body) {
            return body(contentType, role -> body);
        }

        private Operation body(String contentType, Function<Role, Object> body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        /** Whether the request names the first partner's resource (default: when its path has a parameter), so another partner is refused. */
        public Operation namesFirstPartnersResource(boolean names) {
            this.namesFirstPartnersResource = names;
            return this;
        }

        /** What another partner's user gets instead of 403, with why (e.g. the service deliberately hides that the resource exists). */
        public Operation anotherPartnerGets(int status, String why) {
            this.anotherPartnerStatus = status;
            this.anotherPartnerWhy = why;
            return this;
        }

        /**
         * A case known to be answered wrongly ({@code caller} as in the test's name, e.g. "agency-staff of another partner"), with
         * why it is left for now: sent and printed, not judged; the test fails once it is refused as it should be (remove the
         * entry then). A gap that writes still fails the databases' check.
         */
        public Operation knownGap(String caller, String reason) {
            gaps.put(caller, reason);
            return this;
        }

        /** The next row of the table. */
        public Operation operation(String operation, Role... allowed) {
            return AccessMatrix.this.operation(operation, allowed);
        }

        public Operation anySignedIn(String operation) {
            return AccessMatrix.this.anySignedIn(operation);
        }

        /** The table is complete: the matrix's tests. */
        public Stream<DynamicNode> tests() {
            return AccessMatrix.this.tests();
        }

        private boolean namesResource() {
            return namesFirstPartnersResource != null ? namesFirstPartnersResource : PATH_PARAMETER.matcher(template).find();
        }

        private boolean jsonBody() {
            return body != null && contentType.startsWith("application/json");
        }

        /** The role whose first-partner user makes the valid request that bad tokens carry: a partner-scoped one if any. */
        private Role typicalRole() {
            return allowed.stream().filter(Role::partnerScoped).findFirst().orElse(allowed.iterator().next());
        }

        private List<Case> cases() {
            List<Case> cases = new ArrayList<>();
            Role typical = typicalRole();
            String typicalPartner = typical.partnerScoped() ? firstPartner.get(typical) : null;
            cases.add(new Case("no token", Kind.TOKEN, typical, null, 401));
            cases.add(new Case("a malformed token", Kind.TOKEN, typical, "not-a-jwt", 401));
            cases.add(new Case("a token signed by another key", Kind.TOKEN, typical,
                    BearerTokens.signedByAnotherKey(typical.claim, typicalPartner), 401));
            cases.add(new Case("an unsigned token (alg none)", Kind.TOKEN, typical, BearerTokens.unsigned(typical.claim, typicalPartner), 401));
            cases.add(new Case("a token of another issuer", Kind.TOKEN, typical,
                    BearerTokens.token(typical.claim, typicalPartner, Map.of("iss", "https://elsewhere.test/auth")), 401));
            cases.add(new Case("a token meant for another application", Kind.TOKEN, typical,
                    BearerTokens.token(typical.claim, typicalPartner, Map.of("aud", "another-application")), 401));
            cases.add(new Case("an expired token", Kind.TOKEN, typical, BearerTokens.expired(typical.claim, typicalPartner), 401));
            if (method.equals("GET")) {
                cases.add(new Case("no token, HEAD", Kind.TOKEN, typical, null, 401).as("HEAD"));
            }
            if (anySignedIn) {
                return cases;
            }
            List<Role> notServed = Stream.of(Role.values()).filter(role -> !allowed.contains(role)).toList();
            for (Role role : notServed) {
                cases.add(new Case(role + " (not served)", Kind.ROLE, role, BearerTokens.token(role.claim, partnerOf(role, firstPartner)), 403));
            }
            if (jsonBody()) {
                cases.add(new Case("no token, body {}", Kind.TOKEN, typical, null, 401).with("{}"));
                if (!notServed.isEmpty()) {
                    Role role = notServed.get(0);
                    cases.add(new Case(role + " (not served), body {}", Kind.ROLE, role,
                            BearerTokens.token(role.claim, partnerOf(role, firstPartner)), 403).with("{}"));
                }
            }
            for (Role role : allowed) {
                if (!role.partnerScoped()) {
                    continue;
                }
                cases.add(new Case(role + " without a partner", Kind.NO_PARTNER, role, BearerTokens.token(role.claim, null), 403));
                cases.add(new Case(role + " of an unknown partner", Kind.UNKNOWN_PARTNER, role,
                        BearerTokens.token(role.claim, UUID.randomUUID().toString()), 403));
                if (namesResource()) {
                    cases.add(new Case(role + " of another partner", Kind.ANOTHER_PARTNER, role,
                            BearerTokens.token(role.claim, partnerOf(role, anotherPartner)), anotherPartnerStatus));
                }
            }
            return cases;
        }

        private String partnerOf(Role role, Map<Role, String> partners) {
            if (!role.partnerScoped()) {
                return null;
            }
            String partner = partners.get(role);
            if (partner == null) {
                throw new IllegalStateException(service + ": the table gives no partner for " + role + " (AccessMatrix.partners)");
            }
            return partner;
        }

        /** One caller of this operation. {@code token}: null sends none; {@code method}, {@code body}: null sends the operation's. */
        private record Case(String caller, Kind kind, Role role, String token, int expected, String method, String body) {
            Case(String caller, Kind kind, Role role, String token, int expected) {
                this(caller, kind, role, token, expected, null, null);
            }

            Case as(String otherMethod) {
                return new Case(caller, kind, role, token, expected, otherMethod, body);
            }

            Case with(String otherBody) {
                return new Case(caller, kind, role, token, expected, method, otherBody);
            }
        }

        private DynamicNode container() {
            List<Case> cases = cases();
            Set<String> unknownGaps = new TreeSet<>(gaps.keySet());
            cases.forEach(c -> unknownGaps.remove(c.caller()));
            if (!unknownGaps.isEmpty()) {
                throw new IllegalStateException(name + ": known gaps name no caller of this operation: " + unknownGaps);
            }
            return DynamicContainer.dynamicContainer(name, cases.stream()
                    .map(c -> DynamicTest.dynamicTest(name + " as " + c.caller(), () -> send(c))));
        }

        private void send(Case c) {
            String gap = gaps.get(c.caller());
            Response response = request(c);
            int status = response.statusCode();
            String answer = status + " " + abbreviated(response.asString());
            if (gap != null) {
                String line = name + " as " + c.caller() + ": " + gap + " (answered " + answer + ")";
                gapsSeen.add(line);
                System.out.println("[AccessMatrix] " + service + " known gap: " + line);
                if (status == c.expected()) {
                    fail(name + " as " + c.caller() + " is refused now (" + answer + "): the gap is closed, remove it from the table");
                }
                return;
            }
            if (status != c.expected()) {
                String kind = status >= 200 && status < 300 ? "HOLE (served) " : status >= 500 ? "HOLE (server error) " : "";
                fail(kind + name + " as " + c.caller() + ": expected " + c.expected()
                        + (c.expected() == anotherPartnerStatus && anotherPartnerWhy != null ? " (" + anotherPartnerWhy + ")" : "")
                        + ", answered " + answer);
            }
            if (status == 403) {
                String type = response.contentType() == null ? "" : response.contentType();
                assertTrue(type.startsWith("application/problem+json"), name + " as " + c.caller() + ": a 403 is a problem+json, not " + type);
                String detail = response.jsonPath().getString("detail");
                assertTrue(detail != null && !detail.isBlank(), name + " as " + c.caller() + ": a 403 says why: " + answer);
                if (c.kind() == Kind.UNKNOWN_PARTNER) {
                    unknownPartnerRefusals.put(c.role(), detail);
                }
                if (c.kind() == Kind.ANOTHER_PARTNER) {
                    assertNotEquals(unknownPartnerRefusals.get(c.role()), detail, name + " as " + c.caller()
                            + ": refused as an unknown partner would be, so the case proves nothing: does the service know the second partner?");
                }
            }
        }

        private Response request(Case c) {
            RequestSpecification request = given().redirects().follow(false);
            if (c.token() != null) {
                request.header("Authorization", "Bearer " + c.token());
            }
            headers.forEach(request::header);
            query.forEach((parameter, value) -> request.queryParam(parameter, value.apply(c.role())));
            if (c.body() != null) {
                request.contentType("application/json").body(c.body());
            } else if (body != null) {
                Object sample = body.apply(c.role());
                request.contentType(contentType);
                if (sample instanceof byte[] bytes) {
                    request.body(bytes);
                } else {
                    request.body(String.valueOf(sample));
                }
            }
            requests.incrementAndGet();
            return request.request(c.method() != null ? c.method() : method, url(c.role()));
        }

        private String url(Role role) {
            Matcher parameter = PATH_PARAMETER.matcher(template);
            StringBuilder url = new StringBuilder();
            while (parameter.find()) {
                Function<Role, String> value = path.get(parameter.group(1));
                if (value == null) {
                    throw new IllegalStateException(name + ": the table gives no value for {" + parameter.group(1) + "}");
                }
                parameter.appendReplacement(url, Matcher.quoteReplacement(
                        URLEncoder.encode(value.apply(role), StandardCharsets.UTF_8).replace("+", "%20")));
            }
            parameter.appendTail(url);
            return url.toString();
        }
    }

    /**
     * The matrix: a container per operation holding a test per caller ("GET /passes/{id} as agency-staff of another
     * partner"), then the check that the databases hold what they held before. Reads the OpenAPI document and takes the
     * databases' snapshot now, before returning; fails at once when the table and the document disagree.
     */
    public Stream<DynamicNode> tests() {
        Set<String> documented = documentedOperations();
        Set<String> unlisted = new TreeSet<>(documented);
        unlisted.removeAll(operations.keySet());
        unlisted.removeAll(publicOperations.keySet());
        Set<String> stale = new TreeSet<>(operations.keySet());
        stale.addAll(publicOperations.keySet());
        stale.removeAll(documented);
        if (!unlisted.isEmpty() || !stale.isEmpty()) {
            fail(service + "'s access table and its OpenAPI document disagree."
                    + (unlisted.isEmpty() ? "" : " Operations the table does not name (state the roles each serves, or that it is public): " + unlisted + ".")
                    + (stale.isEmpty() ? "" : " Operations the table names that the document does not hold: " + stale + "."));
        }
        Map<String, TableState> before = quietSnapshot();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Operation operation : operations.values()) {
            nodes.add(operation.container());
        }
        nodes.add(DynamicTest.dynamicTest("the databases hold what they held before (" + String.join(", ", databases.keySet()) + ")",
                () -> assertNothingWritten(before)));
        return nodes.stream();
    }

    private Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> found = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(method -> found.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return found;
    }

    private void assertNothingWritten(Map<String, TableState> before) {
        Map<String, TableState> after = quietSnapshot();
        List<String> changed = new ArrayList<>();
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        for (String table : tables) {
            TableState was = before.get(table);
            TableState is = after.get(table);
            if (was == null || !was.equals(is)) {
                changed.add(table + ": " + (was == null ? "new" : was.describe()) + " -> " + (is == null ? "gone" : is.describe()));
            }
        }
        int operationCount = operations.size();
        System.out.println("[AccessMatrix] " + service + ": " + operationCount + " operations checked (" + publicOperations.size()
                + " public skipped: " + publicOperations.keySet() + "), " + requests.get() + " requests sent, " + gapsSeen.size()
                + " known gaps" + (changed.isEmpty() ? "; databases unchanged" : "; databases CHANGED"));
        gapsSeen.forEach(gap -> System.out.println("[AccessMatrix] " + service + " known gap: " + gap));
        assertEquals(List.of(), changed, service + ": refused requests left something behind (table: rows, content before -> after)");
    }

    /** Every table's rows, and the outbox's identity, once the service is quiet (nothing left to relay, nothing still arriving). */
    private Map<String, TableState> quietSnapshot() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long stableSince = System.nanoTime();
        Map<String, TableState> previous = snapshot();
        while (true) {
            sleep(QUIET);
            Map<String, TableState> current = snapshot();
            boolean outboxEmpty = current.entrySet().stream().filter(e -> e.getKey().endsWith("outbox_event"))
                    .allMatch(e -> e.getValue().rows() == 0);
            if (!current.equals(previous)) {
                stableSince = System.nanoTime();
            } else if (outboxEmpty || System.nanoTime() - stableSince > STUCK.toNanos()) {
                // an event the broker refuses can stay in the outbox (README, "Events"): still for that long, it is not in flight
                return current;
            }
            if (System.nanoTime() > deadline) {
                Map<String, TableState> earlier = previous;
                throw new IllegalStateException(service + ": the databases did not settle within " + PATIENCE.toSeconds() + " s: "
                        + current.entrySet().stream().filter(e -> !e.getValue().equals(earlier.get(e.getKey())))
                        .map(e -> e.getKey() + " " + e.getValue().describe()).collect(Collectors.joining(", ")));
            }
            previous = current;
        }
    }

    /** A table's rows: how many, and a digest of their content; for the outbox, the last value its identity gave. */
    private record TableState(long rows, String digest, long identity) {
        String describe() {
            return (rows == 0 ? "empty" : rows + " rows, content " + digest.substring(0, Math.min(8, digest.length())))
                    + (identity >= 0 ? ", outbox identity at " + identity : "");
        }
    }

    private Map<String, TableState> snapshot() {
        Map<String, TableState> state = new TreeMap<>();
        databases.forEach((name, url) -> {
            try (Connection connection = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    long rows;
                    String digest;
                    try (ResultSet rs = statement.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') "
                            + "from public.\"" + table + "\" t")) {
                        rs.next();
                        rows = rs.getLong(1);
                        digest = rs.getString(2);
                    }
                    long identity = table.equals("outbox_event") ? outboxIdentity(statement) : -1;
                    state.put(name + "." + table, new TableState(rows, digest, identity));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(service + ": cannot read the database " + name + " at " + url + ": " + e.getMessage(), e);
            }
        });
        return state;
    }

    private static long outboxIdentity(Statement statement) throws SQLException {
        String sequence;
        try (ResultSet rs = statement.executeQuery("select pg_get_serial_sequence('public.outbox_event', 'sequence_number')")) {
            rs.next();
            sequence = rs.getString(1);
        }
        // a sequence reads as a one-row relation; is_called false: it gave no value yet
        try (ResultSet rs = statement.executeQuery("select case when is_called then last_value else 0 end from " + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String normalised(String operation) {
        String[] parts = operation.trim().split("\\s+", 2);
        if (parts.length != 2 || !HTTP_METHODS.contains(parts[0].toLowerCase(Locale.ROOT)) || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("an operation is a method and a path, e.g. \"GET /passes/{id}\": " + operation);
        }
        return parts[0].toUpperCase(Locale.ROOT) + " " + parts[1];
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
