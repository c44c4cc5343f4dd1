package lu.kulturpass.core.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every code we hand out must be one that a ZXing-based door scanner finds and reads. */
class QrCodeMaskTest {

    /** A real signed token whose lowest-penalty mask pattern (the encoder's choice) hides the code. */
    private static final String HIDDEN_BY_ITS_MASK =
            "K17000001T9S:9E QP5MV70BT9DFCQZ6NA9$E1:3F%$C$/NMVUU/KHKS/+K5A55/38PMUWEW-SPWBLJU%ZF5$85+COBAL1ALVIE0I$NTTIUPT8*CO0SK47QA61";

    @Test
    void theEncodersOwnChoiceOfMaskIsUnreadableForThisToken() throws Exception {
        var plain = new QRCodeWriter().encode(HIDDEN_BY_ITS_MASK, BarcodeFormat.QR_CODE, 400, 400,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        assertThrows(NotFoundException.class, () -> CardTestSupport.decode(MatrixToImageWriter.toBufferedImage(plain)));
    }

    @Test
    void aTokenHiddenByItsMaskStillGivesAReadableCodeInEveryFormat() throws Exception {
        QrCodes qrCodes = new QrCodes();
        assertEquals(HIDDEN_BY_ITS_MASK, CardTestSupport.decode(CardTestSupport.image(qrCodes.png(HIDDEN_BY_ITS_MASK, 400))).getText());
        assertEquals(HIDDEN_BY_ITS_MASK, CardTestSupport.decode(CardTestSupport.paint(qrCodes.svg(HIDDEN_BY_ITS_MASK), 4)).getText());
        CardRenderer renderer = new CardRenderer(qrCodes, "Kulturpass");
        byte[] pdf = renderer.card(CardTestSupport.face(new CardContent("Zoë Łukasiewicz", "0004-RJTF-3", java.time.LocalDate.of(2026, 11, 21),
                java.time.LocalDate.of(2028, 11, 20), lu.kulturpass.token.PassCategory.ADULT, 1, HIDDEN_BY_ITS_MASK)));
        assertEquals(HIDDEN_BY_ITS_MASK, CardTestSupport.decode(CardTestSupport.render(pdf, 300)).getText());
    }
}
