package lu.kulturpass.core.pass;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import lu.kulturpass.token.PassCategory;

/** A pass as the issuing agency sees it, with the token its QR code holds. */
public record PassView(long id, String number, String agencyId, String holderRef, PassCategory category,
                       int groupSize, LocalDate validFrom, LocalDate validUntil, PassStatus status, int keyId,
                       String token, OffsetDateTime issuedAt, String qrCode) {

    static PassView of(Pass pass) {
        return new PassView(pass.id, pass.number, pass.agencyId, pass.holderRef, pass.category, pass.groupSize,
                pass.validFrom, pass.validUntil, pass.status, pass.keyId, pass.token, pass.issuedAt,
                "/passes/" + pass.id + "/qr.png");
    }
}
