package lu.kulturpass.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
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

    private final String service;
    private final Map<Role, String> firstPartner = new EnumMap<>(Role.class);
    private final Map<Role, String> anotherPartner = new EnumMap<>(Role.class);
    private final Map<String, String> publicOperations = new LinkedHashMap<>();
    private final Map<String, AccessOperation> operations = new LinkedHashMap<>();
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
        publicOperations.put(OperationName.normalised(operation), why);
        return this;
    }

    /** A database of the service (or one it changes through another service) that the matrix must leave as it was. */
    public AccessMatrix database(String name, String jdbcUrl) {
        databases.put(name, jdbcUrl);
        return this;
    }

    /** An operation ({@code "POST /passes/{id}/transitions"}) and the roles it serves; add its sample request to the result. */
    public AccessOperation operation(String operation, Role... allowed) {
        AccessOperation entry = new AccessOperation(this, OperationName.normalised(operation), Set.of(allowed));
        if (operations.put(entry.name(), entry) != null) {
            throw new IllegalArgumentException(entry.name() + " is in the table twice");
        }
        return entry;
    }

    /** An operation any signed-in caller may call, whatever their role or partner (e.g. {@code GET /me}): only tokens are checked. */
    public AccessOperation anySignedIn(String operation) {
        return operation(operation, Role.values()).servingAnySignedIn();
    }

    String service() {
        return service;
    }

    /** The first partner of a role's users, if the table names one. */
    String firstPartner(Role role) {
        return firstPartner.get(role);
    }

    /** The first (or the other) partner a user of this role belongs to: none for programme staff; the table must name it. */
    String partnerOf(Role role, boolean first) {
        if (!role.partnerScoped()) {
            return null;
        }
        String partner = (first ? firstPartner : anotherPartner).get(role);
        if (partner == null) {
            throw new IllegalStateException(service + ": the table gives no partner for " + role + " (AccessMatrix.partners)");
        }
        return partner;
    }

    void requestSent() {
        requests.incrementAndGet();
    }

    void gapSeen(String line) {
        gapsSeen.add(line);
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
        DatabaseSnapshot snapshot = new DatabaseSnapshot(service, databases, table -> true);
        Map<String, DatabaseSnapshot.Table> before = snapshot.whenQuiet();
        List<DynamicNode> nodes = new ArrayList<>();
        for (AccessOperation operation : operations.values()) {
            nodes.add(operation.container());
        }
        nodes.add(DynamicTest.dynamicTest("the databases hold what they held before (" + String.join(", ", databases.keySet()) + ")",
                () -> {
                    try (snapshot) {
                        assertNothingWritten(before, snapshot.whenQuiet());
                    }
                }));
        return nodes.stream();
    }

    private Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> found = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(OperationName.METHODS::contains)
                .forEach(method -> found.add(OperationName.of(method, path))));
        return found;
    }

    private void assertNothingWritten(Map<String, DatabaseSnapshot.Table> before, Map<String, DatabaseSnapshot.Table> after) {
        List<String> changed = DatabaseSnapshot.changes(before, after);
        int operationCount = operations.size();
        System.out.println("[AccessMatrix] " + service + ": " + operationCount + " operations checked (" + publicOperations.size()
                + " public skipped: " + publicOperations.keySet() + "), " + requests.get() + " requests sent, " + gapsSeen.size()
                + " known gaps" + (changed.isEmpty() ? "; databases unchanged" : "; databases CHANGED"));
        gapsSeen.forEach(gap -> System.out.println("[AccessMatrix] " + service + " known gap: " + gap));
        assertEquals(List.of(), changed, service + ": refused requests left something behind (table: rows, content before -> after)");
    }
}
