package lu.kulturpass.venue.device;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lu.kulturpass.platform.security.CallerPartner;
import lu.kulturpass.platform.security.Roles;

/**
 * A paired door device signs in with its cookie ({@link DeviceCookie}). The mechanism comes after OIDC's (a lower
 * priority): a person signed in on the device, with a session or a bearer token, is the caller, and the augmentor below
 * adds the device to their identity. A device alone is a box office of its venue (role {@code box-office}, its venue as
 * partner) and nothing more. A revoked or unknown cookie is refused (401, {@link DevicePairingRefused}), with or without a
 * person. Devices are read through {@link PairedDevices}: a scan from a known device reads no database.
 */
public final class DeviceAuthentication {

    /** The identity attribute holding the {@link PairedDevices.Paired} device the request came from. */
    public static final String DEVICE = "kulturpass.door-device";
    /** The identity attribute set (true) when the caller is the device itself, nobody signed in on it. */
    public static final String DEVICE_ALONE = "kulturpass.door-device-alone";

    private DeviceAuthentication() {
    }

    /** A device's cookie to check. */
    static final class CookieRequest extends BaseAuthenticationRequest {
        final String secret;

        CookieRequest(String secret) {
            this.secret = secret;
        }
    }

    /**
     * Finds the device's cookie on requests that carry no person's credentials OIDC accepted. Never on the sign-in address
     * ({@value #SIGN_IN}): a device is not a person, so a person who wants to sign in on it goes through the provider's sign-in.
     */
    @ApplicationScoped
    public static class Mechanism implements HttpAuthenticationMechanism {

        static final String SIGN_IN = "/signin";

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
            String secret = DeviceCookie.secretOf(context);
            if (secret == null || SIGN_IN.equals(context.normalizedPath())) {
                return Uni.createFrom().nullItem();
            }
            return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new CookieRequest(secret), context));
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().nullItem();
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(CookieRequest.class);
        }

        @Override
        public int getPriority() {
            return DEFAULT_PRIORITY - 100; // after OIDC (1001): a person signed in on the device is the caller
        }
    }

    /** The device alone: a box office of its venue. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<CookieRequest> {

        private final PairedDevices devices;

        public Provider(PairedDevices devices) {
            this.devices = devices;
        }

        @Override
        public Class<CookieRequest> getRequestType() {
            return CookieRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(CookieRequest request, AuthenticationRequestContext context) {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            Optional<PairedDevices.Paired> known = devices.recall(request.secret);
            if (known != null) {
                return Uni.createFrom().item(() -> identity(accepted(known, http)));
            }
            return context.runBlocking(() -> identity(accepted(devices.read(request.secret), http)));
        }

        private static SecurityIdentity identity(PairedDevices.Paired device) {
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(device.name())).addRole(Roles.BOX_OFFICE)
                    .addAttribute(CallerPartner.ATTRIBUTE, device.venueId()).addAttribute(DEVICE, device)
                    .addAttribute(DEVICE_ALONE, Boolean.TRUE).build();
        }
    }

    /** A person signed in on a paired device: their identity, with the device. */
    @ApplicationScoped
    public static class WithPerson implements SecurityIdentityAugmentor {

        private final PairedDevices devices;

        public WithPerson(PairedDevices devices) {
            this.devices = devices;
        }

        @Override
        public int priority() {
            return -100; // after VerifiedBearerTokens.Remember (0): a remembered bearer token never carries a device
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            return Uni.createFrom().item(identity);
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
            if (identity.isAnonymous() || identity.getAttribute(DEVICE) != null) {
                return Uni.createFrom().item(identity);
            }
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(attributes);
            String secret = DeviceCookie.secretOf(http);
            if (secret == null) {
                return Uni.createFrom().item(identity);
            }
            Optional<PairedDevices.Paired> known = devices.recall(secret);
            if (known != null) {
                return Uni.createFrom().item(() -> with(identity, accepted(known, http)));
            }
            return context.runBlocking(() -> with(identity, accepted(devices.read(secret), http)));
        }

        private static SecurityIdentity with(SecurityIdentity identity, PairedDevices.Paired device) {
            return QuarkusSecurityIdentity.builder(identity).addAttribute(DEVICE, device).build();
        }
    }

    /** The device, if paired and not revoked; else the refusal. */
    private static PairedDevices.Paired accepted(Optional<PairedDevices.Paired> device, RoutingContext http) {
        if (device.isEmpty()) {
            throw DevicePairingRefused.refusal(false, DeviceCookie.https(http));
        }
        if (device.get().revoked()) {
            throw DevicePairingRefused.refusal(true, DeviceCookie.https(http));
        }
        return device.get();
    }
}
