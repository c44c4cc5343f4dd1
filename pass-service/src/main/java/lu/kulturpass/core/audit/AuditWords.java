package lu.kulturpass.core.audit;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import lu.kulturpass.core.audit.Anomalies.Kind;
import lu.kulturpass.core.statistics.RefusalReason;

/**
 * The audit page's words, and the same words in its exports (CSV headers and values) and the annual report: texts in
 * {@code messages/audit_<language>.properties}. A message with parameters takes them as text, in the order the page
 * fills {@code {0}}, {@code {1}}.
 */
@MessageBundle(value = "audit", locale = "en")
public interface AuditWords {

    // the frame
    @Message String title();
    @Message String from();
    @Message String to();
    @Message String language();
    @Message String tabPartners();
    @Message String tabAttention();
    @Message String tabReport();
    @Message String tabAccounts();
    @Message String signinTitle();
    @Message String signinMissing();
    @Message String signinForbidden();
    @Message String loading();
    @Message String error(String problem);
    @Message String none();
    @Message String never();

    // the partner list
    @Message String search();
    @Message String searchPlaceholder();
    @Message String downloadCsv();
    @Message String partner();
    @Message String partnerId();
    @Message String kind();
    @Message String agreement();
    @Message String validUntil();
    @Message String usage();
    @Message String partnersShown(String shown, String all);
    @Message String noAgreement();
    @Message String nAdmissions(String admissions);
    @Message String nEnrolled(String people);
    @Message String oneAdmission(String admissions);
    @Message String oneEnrolled(String people);

    // one partner
    @Message String back();
    @Message String agreements();
    @Message String figures();
    @Message String admissions();
    @Message String refusals();
    @Message String tickets();
    @Message String ticketValue();
    @Message String distinctHolders();
    @Message String peopleEnrolled();
    @Message String peopleApproved();
    @Message String passesIssued();
    @Message String activeHolders();
    @Message String month();
    @Message String chartAdmissions();
    @Message String chartRefusals();
    @Message String noRefusals();
    @Message String socialNoCharts();
    @Message String partnerFiguresExplained();
    @Message String benefitLabel();
    @Message String price();
    @Message String categories();
    @Message String placesPerEvent();
    @Message String signedOn();
    @Message String period();
    @Message String renewedFrom();
    @Message String notSigned();
    @Message String renew();
    @Message String renewUntil();
    @Message String renewal();
    @Message String confirmTerminate();
    @Message String done(String status);
    @Message String renewed(String until);
    @Message String refused(String problem);

    // what needs the staff's eye
    @Message String expiring();
    @Message String inactive();
    @Message String outside();
    @Message String anomalies();
    @Message String daysLeft(String days);
    @Message String renewalDrafted();
    @Message String noRenewal();
    @Message String lastActivity();
    @Message String day();
    @Message String why();
    @Message String events();
    @Message String venue();
    @Message String when();
    @Message String what();
    @Message String whyNoAgreement();
    @Message String whyBeforeStart();
    @Message String whyAfterEnd();
    @Message String whyNotActive();
    @Message String travelDetail(String km, String minutes);
    @Message String travelDetailNoPlace(String minutes);
    @Message String refusalSpikeDetail(String refusals, String day, String average);
    @Message String placesAboveOfferDetail(String used, String offered, String performance);
    @Message String offlineDoubleUseDetail(String admissions);

    // the annual report
    @Message String usesLabel();
    @Message String peopleReached();
    @Message String placesOffered();
    @Message String placesUsed();
    @Message String figuresExplained();
    @Message String byAgeBand();
    @Message String byHouseholdSituation();
    @Message String byMunicipality();
    @Message String group();
    @Message String people();
    @Message String share();
    @Message String unknown();
    @Message String smallCells();
    @Message String hiddenCell();
    @Message String reportIntro();
    @Message String figure();
    @Message String value();
    @Message String reportTitle(String from, String to);
    @Message String downloadPdf();

    // registering partners and drafting agreements
    @Message String registerPartner();
    @Message String partnerName();
    @Message String venuesOnePerLine();
    @Message String venuesPlaceholder();
    @Message String register();
    @Message String draftAnAgreement();
    @Message String draftAgreement();
    @Message String editTerms();
    @Message String saveTerms();
    @Message String pricePerPerson();
    @Message String contactName();
    @Message String contactEmail();
    @Message String contactPhone();
    @Message String history();
    @Message String savedAs(String status);
    @Message String before();
    @Message String after();
    @Message String changePartnerRegistered();
    @Message String changePartnerRenamed();
    @Message String changeVenueAdded();
    @Message String changeAgreementDrafted();
    @Message String changeAgreementAmended();
    @Message String changeAgreementActive();
    @Message String changeAgreementSuspended();
    @Message String changeAgreementTerminated();
    @Message String changeAgreementExpired();

    // the programme's codes, in words
    @Message String refusalReason(RefusalReason reason);
    @Message String anomaly(Kind kind);

}
