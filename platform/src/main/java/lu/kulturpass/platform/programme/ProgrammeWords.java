package lu.kulturpass.platform.programme;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The programme's vocabulary that more than one service shows (on pages, in exports and reports), said once:
 * {@code messages/programme_<language>.properties}.
 */
@MessageBundle(value = "programme", locale = "en")
public interface ProgrammeWords {

    /** A household situation in words (keys householdSituation_$SINGLE_ADULT…: Qute writes _$ before a constant with an underscore). */
    @Message
    String householdSituation(HouseholdSituation situation);
}
