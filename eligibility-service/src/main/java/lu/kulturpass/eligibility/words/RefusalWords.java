package lu.kulturpass.eligibility.words;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the API answers when it refuses ({@code messages/refusals_<language>.properties}): every problem detail of this
 * service in the caller's language, and the sentences of its requests' constraints (a message without parameters, named
 * in a constraint annotation as {@code "{key}"}).
 */
@MessageBundle(value = "refusals", locale = "en")
public interface RefusalWords {

    // ---- problem details ----
    @Message String noSuchCriterion(String code);
    @Message String criterionRetired(String criterion, String date);
    @Message String criterionExists(String code);
    @Message String criterionNotFound(String code);
    @Message String criterionToChoose();
    @Message String evidenceToGive(String evidence);
    @Message String proofNoLongerCounts(String date, String criterion, String months);
    @Message String reasonToGive();
    @Message String allMembersElsewhere();
    @Message String birthDateBefore1900(String member);
    @Message String cannotBecome(String status, String target, String allowed);
    @Message String cannotRenew(String status, String allowed);
    @Message String nothingAllowed();
    @Message String noMemberRenewable();
    @Message String enrolmentNotFound(String id);
    @Message String enrolmentOfAnotherAgency();
    @Message String beneficiaryNotFound(String id);
    @Message String beneficiaryOfAnotherAgency();
    @Message String noPassToReplace();
    @Message String alreadyErased();
    @Message String agencyUnknown();
    @Message String agencyNotActing();
    @Message String noCardToPrint();
    @Message String sheetTooLong();
    @Message String passServiceUnreachable(String what);
    @Message String passServiceBusy(String what);
    @Message String passServiceRefusedTitle();
    @Message String passServiceRefused(String what, String detail);
    @Message String passServiceErrorTitle();
    @Message String passServiceError(String what, String status);
    @Message String toIssuePasses();
    @Message String toChangePass();
    @Message String toPrintCards();

    // ---- the constraints of the requests (bean validation "{key}") ----
    @Message String householdToSend();
    @Message String decisionToSend();
    @Message String renewalToSend();
    @Message String criterionToSend();
    @Message String sheetToSend();
    @Message String membersRequired();
    @Message String membersAtMostTen();
    @Message String memberEmpty();
    @Message String firstNameRequired();
    @Message String lastNameRequired();
    @Message String nameTooLong();
    @Message String birthDateRequired();
    @Message String birthDateInThePast();
    @Message String municipalityTooLong();
    @Message String outcomeRequired();
    @Message String criterionCodeTooLong();
    @Message String reasonCodeEmpty();
    @Message String evidenceKindRequired();
    @Message String evidenceIssuerRequired();
    @Message String evidenceTooLong();
    @Message String evidenceDateRequired();
    @Message String evidenceDateNotFuture();
    @Message String renewalEvidenceRequired();
    @Message String sheetHouseholdsRequired();
    @Message String sheetHouseholdsCount();
    @Message String sheetHouseholdEmpty();
    @Message String lossRequired();
    @Message String criterionCodeRequired();
    @Message String criterionCodeShape();
    @Message String criterionNameRequired();
    @Message String criterionNameTooLong();
    @Message String criterionEvidenceRequired();
    @Message String criterionEvidenceTooLong();
    @Message String proofMonthsRequired();
    @Message String proofMonthsRange();
}
