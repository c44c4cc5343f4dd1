package lu.kulturpass.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The record of one change of a staff account (who, what, when), sent as {@code lu.kulturpass.account.changed} on
 * {@code kulturpass.accounts}, keyed by the account's user name: which account (Keycloak's id and the user name), the action,
 * the account's role and partner, and who did it (their user id, the token's subject, their user name, and the role they
 * acted as). Staff user names only: no person's name nor e-mail address, and nothing about beneficiaries. Every service
 * writes them; {@code at} is written by the service's ObjectMapper (ISO, UTC).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountChange(UUID eventId, String accountId, @JsonProperty(required = true) String username,
                            @JsonProperty(required = true) Action action, String role, String partnerId,
                            @JsonProperty(required = true) String actorId, String actorUsername, String actorRole,
                            @JsonProperty(required = true) OffsetDateTime at) {

    public static final String TOPIC = "kulturpass.accounts";
    public static final String TYPE = "lu.kulturpass.account.changed";
    public static final int VERSION = 1;

    /** This change with its event id and the account's id. */
    public AccountChange withIds(UUID eventId, String accountId) {
        return new AccountChange(eventId, accountId, username, action, role, partnerId, actorId, actorUsername, actorRole, at);
    }

    public enum Action { INVITED, DISABLED, ENABLED }
}
