package lu.kulturpass.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}: what went wrong, in words a
 * person at the counter or the agency can act on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public Problem withTitle(String statusTitle) {
        return new Problem(type, statusTitle, status, detail, instance, errors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<String> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }
}
