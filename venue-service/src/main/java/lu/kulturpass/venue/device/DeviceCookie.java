package lu.kulturpass.venue.device;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The cookie a paired device holds: {@value #NAME}, its random secret. HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page sends it), Secure when the page was served over https, for the whole service, kept a year.
 */
final class DeviceCookie {

    static final String NAME = "kulturpass_device";
    private static final long ONE_YEAR_SECONDS = Duration.ofDays(365).toSeconds();

    private DeviceCookie() {
    }

    /** The secret the request's cookie holds, null without one (or with one too long to be ours). */
    static String secretOf(RoutingContext request) {
        if (request == null) {
            return null;
        }
        Cookie cookie = request.request().getCookie(NAME);
        String value = cookie == null ? null : cookie.getValue();
        return value == null || value.isEmpty() || value.length() > 64 ? null : value;
    }

    /** The Set-Cookie header's value that gives the device its secret. */
    static String setting(String secret, boolean https) {
        return cookie(secret, ONE_YEAR_SECONDS, https);
    }

    /** The Set-Cookie header's value that takes a revoked or unknown secret away. */
    static String clearing(boolean https) {
        return cookie("", 0, https);
    }

    private static String cookie(String value, long maxAgeSeconds, boolean https) {
        Cookie cookie = Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setMaxAge(maxAgeSeconds).setSecure(https);
        return cookie.encode();
    }

    /** Whether the request reached the service over https (itself, or a proxy saying so). */
    static boolean https(RoutingContext request) {
        if (request == null) {
            return false;
        }
        String forwarded = request.request().getHeader("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(request.request().scheme()) || "https".equalsIgnoreCase(forwarded);
    }
}
