package lu.kulturpass.core.partner;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** How pass-service refuses a caller's organisation: a 403 problem saying why, in these sentences. */
public final class Refusals {

    public static final String UNKNOWN = "Your account's organisation is not a partner the programme knows";
    public static final String NOT_AN_AGENCY = "Your account's organisation is not a social partner, so an agency account "
            + "cannot act for it";
    public static final String NOT_A_CULTURAL_VENUE = "Your account's venue does not belong to a cultural partner, so a "
            + "box-office or venue account cannot act for it";
    public static final String NO_AGREEMENT = "Your account's organisation has no agreement in force with the programme, "
            + "so it cannot issue passes at the moment";

    private Refusals() {
    }

    public static void refused(ValidatableResponse response, String why) {
        response.statusCode(403).contentType("application/problem+json").body("detail", equalTo(why));
    }
}
