package lu.kulturpass.core.pass;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lu.kulturpass.token.PassCategory;

/** A pass as the issuing agency sees it, with the token its QR code holds and what may be done next. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PassView(long id, String number, String agencyId, String holderRef, String householdRef,
                       PassCategory category, int groupSize, LocalDate validFrom, LocalDate validUntil,
                       PassStatus status, List<Transition> allowedTransitions, Long replacesPassId,
                       Long replacedByPassId, int keyId, String token, OffsetDateTime issuedAt, String qrCode) {

    public static PassView of(Pass pass) {
        return new PassView(pass.id, pass.number, pass.agencyId, pass.holderRef, pass.householdRef, pass.category,
                pass.groupSize, pass.validFrom, pass.validUntil, pass.status, Transition.requestableFrom(pass.status),
                pass.replacesPassId, pass.replacedByPassId, pass.keyId, pass.token, pass.issuedAt,
                "/passes/" + pass.id + "/qr.png");
    }
}
