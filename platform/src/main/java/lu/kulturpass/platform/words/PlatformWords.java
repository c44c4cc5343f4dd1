package lu.kulturpass.platform.words;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words every service and page shares: the session on every page (who is signed in, signing in and out, what an
 * account is for) and the problems every service answers. The texts are in {@code messages/platform_<language>.properties}, one file per {@link Language}.
 */
@MessageBundle(value = "platform", locale = "en")
public interface PlatformWords {

    @Message
    String signinButton();

    @Message
    String signedInAs(String name);

    @Message
    String signOut();

    @Message
    String wrongRoleTitle();

    /** The session ended mid-work: the page asks to sign in again and keeps what was typed. */
    @Message
    String signinEnded();

    /** What an account with the role is for, by role ({@code account_programme_staff}…); {@code none} without a role. */
    @Message
    String accountProgrammeStaff();

    @Message
    String accountAgencyStaff();

    @Message
    String accountBoxOffice();

    @Message
    String accountVenueManager();

    @Message
    String accountNone();

    @Message
    String notAllowedTitle();

    @Message
    String notAllowed();

    /** A language's name in itself, the same in every file (for the language selectors): keys languageName_FR… */
    @Message
    String languageName(Language language);
}
