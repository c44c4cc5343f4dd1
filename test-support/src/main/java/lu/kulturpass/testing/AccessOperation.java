package lu.kulturpass.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import lu.kulturpass.testing.AccessCase.Kind;
import lu.kulturpass.testing.AccessMatrix.Role;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/** One row of the table: the roles an operation serves, and a plausible valid request to send it. */
public final class AccessOperation {

    private final AccessMatrix matrix;
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

    AccessOperation(AccessMatrix matrix, String name, Set<Role> allowed) {
        this.matrix = matrix;
        this.name = name;
        this.method = OperationName.method(name);
        this.template = OperationName.template(name);
        this.allowed = allowed;
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException(name + ": name the roles it serves");
        }
    }

    String name() {
        return name;
    }

    AccessOperation servingAnySignedIn() {
        anySignedIn = true;
        return this;
    }

    /** A path parameter's value: a real resource of the first partner. */
    public AccessOperation path(String parameter, Object value) {
        return path(parameter, role -> String.valueOf(value));
    }

    /** A path parameter's value for the caller's role (a partner id: the first partner's agency for agency staff, its theatre for the box office). */
    public AccessOperation path(String parameter, Function<Role, String> value) {
        path.put(parameter, value);
        return this;
    }

    public AccessOperation query(String parameter, Object value) {
        query.put(parameter, role -> String.valueOf(value));
        return this;
    }

    public AccessOperation header(String header, String value) {
        headers.put(header, value);
        return this;
    }

    /** A JSON body, valid for a caller the operation serves. */
    public AccessOperation json(String body) {
        return body("application/json", role -> body);
    }

    /** A JSON body for the caller's role. */
    public AccessOperation json(Function<Role, Object> body) {
        return body("application/json", body);
    }

    /** A body of another type (a CSV file, a photo). */
    public AccessOperation body(String contentType, Object body) {
        return body(contentType, role -> body);
    }

    private AccessOperation body(String contentType, Function<Role, Object> body) {
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    /** Whether the request names the first partner's resource (default: when its path has a parameter), so another partner is refused. */
    public AccessOperation namesFirstPartnersResource(boolean names) {
        this.namesFirstPartnersResource = names;
        return this;
    }

    /** What another partner's user gets instead of 403, with why (e.g. the service deliberately hides that the resource exists). */
    public AccessOperation anotherPartnerGets(int status, String why) {
        this.anotherPartnerStatus = status;
        this.anotherPartnerWhy = why;
        return this;
    }

    /**
     * A case known to be answered wrongly ({@code caller} as in the test's name, e.g. "agency-staff of another partner"), with
     * why it is left for now: sent and printed, not judged; the test fails once it is refused as it should be (remove the
     * entry then). A gap that writes still fails the databases' check.
     */
    public AccessOperation knownGap(String caller, String reason) {
        gaps.put(caller, reason);
        return this;
    }

    /** The next row of the table. */
    public AccessOperation operation(String operation, Role... allowed) {
        return matrix.operation(operation, allowed);
    }

    public AccessOperation anySignedIn(String operation) {
        return matrix.anySignedIn(operation);
    }

    /** The table is complete: the matrix's tests. */
    public Stream<DynamicNode> tests() {
        return matrix.tests();
    }

    private boolean namesResource() {
        return namesFirstPartnersResource != null ? namesFirstPartnersResource : !OperationName.parameters(template).isEmpty();
    }

    private boolean jsonBody() {
        return body != null && contentType.startsWith("application/json");
    }

    /** The role whose first-partner user makes the valid request that bad tokens carry: a partner-scoped one if any. */
    private Role typicalRole() {
        return allowed.stream().filter(Role::partnerScoped).findFirst().orElse(allowed.iterator().next());
    }

    private List<AccessCase> cases() {
        List<AccessCase> cases = new ArrayList<>();
        Role typical = typicalRole();
        String typicalPartner = typical.partnerScoped() ? matrix.firstPartner(typical) : null;
        cases.add(new AccessCase("no token", Kind.TOKEN, typical, null, 401));
        cases.add(new AccessCase("a malformed token", Kind.TOKEN, typical, "not-a-jwt", 401));
        cases.add(new AccessCase("a token signed by another key", Kind.TOKEN, typical,
                BearerTokens.signedByAnotherKey(typical.claim, typicalPartner), 401));
        cases.add(new AccessCase("an unsigned token (alg none)", Kind.TOKEN, typical, BearerTokens.unsigned(typical.claim, typicalPartner), 401));
        cases.add(new AccessCase("a token of another issuer", Kind.TOKEN, typical,
                BearerTokens.token(typical.claim, typicalPartner, Map.of("iss", "https://elsewhere.test/auth")), 401));
        cases.add(new AccessCase("a token meant for another application", Kind.TOKEN, typical,
                BearerTokens.token(typical.claim, typicalPartner, Map.of("aud", "another-application")), 401));
        cases.add(new AccessCase("an expired token", Kind.TOKEN, typical, BearerTokens.expired(typical.claim, typicalPartner), 401));
        if (method.equals("GET")) {
            cases.add(new AccessCase("no token, HEAD", Kind.TOKEN, typical, null, 401).as("HEAD"));
        }
        if (anySignedIn) {
            return cases;
        }
        List<Role> notServed = Stream.of(Role.values()).filter(role -> !allowed.contains(role)).toList();
        for (Role role : notServed) {
            cases.add(new AccessCase(role + " (not served)", Kind.ROLE, role, BearerTokens.token(role.claim, matrix.partnerOf(role, true)), 403));
        }
        if (jsonBody()) {
            cases.add(new AccessCase("no token, body {}", Kind.TOKEN, typical, null, 401).with("{}"));
            if (!notServed.isEmpty()) {
                Role role = notServed.get(0);
                cases.add(new AccessCase(role + " (not served), body {}", Kind.ROLE, role,
                        BearerTokens.token(role.claim, matrix.partnerOf(role, true)), 403).with("{}"));
            }
        }
        for (Role role : allowed) {
            if (!role.partnerScoped()) {
                continue;
            }
            cases.add(new AccessCase(role + " without a partner", Kind.NO_PARTNER, role, BearerTokens.token(role.claim, null), 403));
            cases.add(new AccessCase(role + " of an unknown partner", Kind.UNKNOWN_PARTNER, role,
                    BearerTokens.token(role.claim, UUID.randomUUID().toString()), 403));
            if (namesResource()) {
                cases.add(new AccessCase(role + " of another partner", Kind.ANOTHER_PARTNER, role,
                        BearerTokens.token(role.claim, matrix.partnerOf(role, false)), anotherPartnerStatus));
            }
        }
        return cases;
    }

    DynamicNode container() {
        List<AccessCase> cases = cases();
        Set<String> unknownGaps = new TreeSet<>(gaps.keySet());
        cases.forEach(c -> unknownGaps.remove(c.caller()));
        if (!unknownGaps.isEmpty()) {
            throw new IllegalStateException(name + ": known gaps name no caller of this operation: " + unknownGaps);
        }
        return DynamicContainer.dynamicContainer(name, cases.stream()
                .map(c -> DynamicTest.dynamicTest(name + " as " + c.caller(), () -> send(c))));
    }

    private void send(AccessCase c) {
        String gap = gaps.get(c.caller());
        Response response = request(c);
        int status = response.statusCode();
        String answer = status + " " + abbreviated(response.asString());
        if (gap != null) {
            String line = name + " as " + c.caller() + ": " + gap + " (answered " + answer + ")";
            matrix.gapSeen(line);
            System.out.println("[AccessMatrix] " + matrix.service() + " known gap: " + line);
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

    private Response request(AccessCase c) {
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
        matrix.requestSent();
        return request.request(c.method() != null ? c.method() : method, url(c.role()));
    }

    private String url(Role role) {
        return OperationName.path(template, parameter -> {
            Function<Role, String> value = path.get(parameter);
            if (value == null) {
                throw new IllegalStateException(name + ": the table gives no value for {" + parameter + "}");
            }
            return value.apply(role);
        });
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
