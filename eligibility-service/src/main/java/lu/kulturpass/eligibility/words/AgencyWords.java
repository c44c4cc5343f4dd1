package lu.kulturpass.eligibility.words;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import lu.kulturpass.eligibility.beneficiary.LostCards;
import lu.kulturpass.eligibility.enrolment.EnrolmentStatus;
import lu.kulturpass.eligibility.enrolment.ReasonCode;

/**
 * The agency page's words ({@code messages/agency_<language>.properties}), served to the page by {@code /words.js}:
 * a parameter is written {@code {0}}, {@code {1}}… by the page in the order given here. The page names a household's
 * fields with the list's words ({@link ImportWords#column}: the same word on the page and in the file).
 */
@MessageBundle(value = "agency", locale = "en")
public interface AgencyWords {

    @Message String title();
    @Message String language();
    @Message String tabPeople();
    @Message String tabEnrol();
    @Message String tabRenewals();
    @Message String tabImport();
    @Message String tabAccounts();
    @Message String acting();
    @Message String notActingBadge();
    @Message String notActing();
    @Message String signinTitle();
    @Message String signinMissing();
    @Message String signinForbidden();
    @Message String error(String problem);
    @Message String search();
    @Message String searchPlaceholder();
    @Message String none();
    @Message String peopleShown(String count);
    @Message String name();
    @Message String birthDate();
    @Message String card();
    @Message String exportCsv();

    /** An enrolment's status in words (keys enrolmentStatus_$DRAFT…: Qute writes a constant after "_$" when an enum has a constant with "_"). */
    @Message String enrolmentStatus(EnrolmentStatus status);

    @Message String member(String number);
    @Message String addMember();
    @Message String removeMember();
    @Message String notSaid();
    @Message String saveDraft();
    @Message String submit();
    @Message String submitDraft();
    @Message String enrolled();

    /** A member's pass category, ADULT or CHILD (keys memberCategory_ADULT…). */
    @Message String memberCategory(MemberCategory category);

    @Message String elsewhere();
    @Message String decision();
    @Message String criterion();
    @Message String chooseCriterion();
    @Message String evidence();
    @Message String evidenceKind();
    @Message String evidenceIssuer();
    @Message String evidenceNumber();
    @Message String evidenceDate();
    @Message String proofCounts(String evidence, String months);
    @Message String reasons();

    /** Why a decision went the way it did (keys reasonCode_$CRITERION_MET…), on the page and in the export. */
    @Message String reasonCode(ReasonCode reason);

    @Message String chooseReason();
    @Message String reasonNeeded();
    @Message String approve();
    @Message String reject();
    @Message String review();
    @Message String decided();
    @Message String history();
    @Message String by(String worker);
    @Message String cardsPdf();
    @Message String cardPdf();
    @Message String lostCard();

    /** How a card was lost (keys loss_LOST, loss_STOLEN). */
    @Message String loss(LostCards.Loss loss);

    @Message String confirmLost();
    @Message String replaced(String passNumber);
    @Message String renew();
    @Message String renewed(String until);
    @Message String dueForRenewal();
    @Message String noneDue();
    @Message String renewHint();
    @Message String importTitle();
    @Message String importHint();
    @Message String importFile();
    @Message String approveImport();
    @Message String importButton();
    @Message String importReport(String rows, String imported, String households, String approved, String notImported);
    @Message String line();
    @Message String problems();
    @Message String ignoredColumns(String columns);
    @Message String back();

    /** The pass categories of the members, as the API names them. */
    enum MemberCategory { ADULT, CHILD }
}
