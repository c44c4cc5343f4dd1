package lu.kulturpass.eligibility.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.eligibility.agency.AgencyGate;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.enrolment.Enrolment;
import lu.kulturpass.eligibility.enrolment.EnrolmentView;
import lu.kulturpass.eligibility.issuing.PassIssuing;
import lu.kulturpass.eligibility.issuing.PassServiceAddress;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.words.Words;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A person's rights, exercised through their agency: see their data and who viewed it (art. 15), erase it (art. 17). */
@Path("/privacy/beneficiaries/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY_STAFF)
public class PrivacyResource {

    private final AgencyGate gate;
    private final Anonymiser anonymiser;
    private final PassIssuing passIssuing;
    private final String passServiceUrl;
    private final ProgrammeCalendar calendar;

    public PrivacyResource(AgencyGate gate, Anonymiser anonymiser, PassIssuing passIssuing,
                           PassServiceAddress passService,
                           ProgrammeCalendar calendar) {
        this.gate = gate;
        this.anonymiser = anonymiser;
        this.passIssuing = passIssuing;
        this.passServiceUrl = passService.publicUrl();
        this.calendar = calendar;
    }

    @GET
    @Path("/views")
    @Operation(summary = "Who viewed, printed, exported or erased this person's data, and when")
    public List<PersonalData.View> views(@PathParam("id") UUID id) {
        String agencyId = gate.agency();
        return QuarkusTransaction.requiringNew().call(() -> {
            Beneficiary.ofAgency(agencyId, id);
            return ViewLog.of(id).stream().map(v -> new PersonalData.View(v.viewer, v.action, v.viewedAt)).toList();
        });
    }

    @GET
    @Path("/personal-data")
    @Operation(summary = "Everything held about the person (GDPR art. 15), as JSON to hand over")
    public PersonalData export(@PathParam("id") UUID id) {
        String agencyId = gate.agency();
        return QuarkusTransaction.requiringNew().call(() -> {
            Beneficiary b = Beneficiary.ofAgency(agencyId, id);
            ViewLog.record(List.of(id), agencyId, gate.userId(), ViewLog.Action.PERSONAL_DATA_EXPORTED, calendar.nowUtc());
            Enrolment enrolment = Enrolment.findById(b.enrolmentId);
            return new PersonalData(b.id, b.firstName, b.lastName, b.birthDate, b.agencyId, b.enrolledAt, b.enrolledBy, b.passId,
                    b.passNumber, b.enrolledElsewhere, EnrolmentView.of(enrolment, false, passServiceUrl, calendar.today()),
                    ViewLog.of(id).stream().map(v -> new PersonalData.View(v.viewer, v.action, v.viewedAt)).toList(),
                    "pass-service knows the pass (number, validity, initials and birth year in its signed token) under the id "
                            + b.id + "; statistics count the id with age band, household situation and municipality only");
        });
    }

    @POST
    @Path("/erasure")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Erase the person (GDPR art. 17): their pass is revoked, their name and birth date deleted",
            description = "The pseudonymous id and categories stay, so the programme's statistics are unchanged.")
    public PersonalData.View erase(@PathParam("id") UUID id) {
        String agencyId = gate.agency();
        Beneficiary beneficiary = QuarkusTransaction.requiringNew().call(() -> Beneficiary.ofAgency(agencyId, id));
        if (beneficiary.erasedAt != null) {
            throw ProblemException.conflict(Words.of(RefusalWords.class).alreadyErased());
        }
        if (beneficiary.holdsPass && beneficiary.passId != null) {
            passIssuing.move(beneficiary.passId, "REVOKE", "HOLDER_REQUEST");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            anonymiser.anonymise(Beneficiary.findById(id));
            ViewLog.record(List.of(id), agencyId, gate.userId(), ViewLog.Action.ERASED, calendar.nowUtc());
            ViewLog last = ViewLog.of(id).get(ViewLog.of(id).size() - 1);
            return new PersonalData.View(last.viewer, last.action, last.viewedAt);
        });
    }
}
