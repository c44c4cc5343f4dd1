package lu.kulturpass.platform.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The part of Keycloak's admin REST API ({@code {keycloak}/admin/realms/{realm}}) that account management uses, as a
 * Quarkus REST client: users found by the {@code partner_id} attribute, created, read, enabled or disabled, and their
 * realm roles. Built by {@link KeycloakAdmin} with the service account's token; the service account needs only
 * realm-management's view-users, query-users and manage-users.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakUsers {

    /** Users matching {@code q} ({@code partner_id:<id>}), or all users when q is null, with their attributes. */
    @GET
    List<User> search(@QueryParam("q") String q, @QueryParam("briefRepresentation") boolean brief,
                      @QueryParam("first") int first, @QueryParam("max") int max);

    @GET
    List<User> byUsername(@QueryParam("username") String username, @QueryParam("exact") boolean exact);

    /** Creates a user: 201 with the new user's address in {@code Location}; 409 when the user name or e-mail is taken. */
    @POST
    Response create(User user);

    @GET
    @Path("/{id}")
    User get(@PathParam("id") String id);

    /** Changes what the representation names (here: enabled). */
    @PUT
    @Path("/{id}")
    void update(@PathParam("id") String id, User changes);

    @DELETE
    @Path("/{id}")
    void delete(@PathParam("id") String id);

    @GET
    @Path("/{id}/role-mappings/realm")
    List<Role> realmRoles(@PathParam("id") String id);

    /** The realm roles the service account could give this user (with their ids, as mapping them needs). */
    @GET
    @Path("/{id}/role-mappings/realm/available")
    List<Role> availableRealmRoles(@PathParam("id") String id);

    @POST
    @Path("/{id}/role-mappings/realm")
    void addRealmRoles(@PathParam("id") String id, List<Role> roles);

    /** Keycloak's user representation: only the fields used here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record User(String id, String username, String firstName, String lastName, String email, Boolean enabled,
                Boolean emailVerified, Long createdTimestamp, Map<String, List<String>> attributes,
                List<String> requiredActions, List<Credential> credentials, String serviceAccountClientId) {

        static User enabled(boolean enabled) {
            return new User(null, null, null, null, null, enabled, null, null, null, null, null, null);
        }

        /** A person's account, not a client's service account. */
        boolean person() {
            return serviceAccountClientId == null && (username == null || !username.startsWith("service-account-"));
        }

        /** The partner the user belongs to (attribute partner_id), null when none. */
        String partnerId() {
            List<String> values = attributes == null ? null : attributes.get(KeycloakAdmin.PARTNER_ATTRIBUTE);
            return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Role(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Credential(String type, String value, boolean temporary) {
    }
}
