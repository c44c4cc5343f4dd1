package lu.kulturpass.venue.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flawless images of a card (a screenshot, the printed sheet scanned), drawn as the cards are: 8 pixels a module, level M,
 * a 4-module quiet zone. ZXing's finder takes a square of the data for a finder pattern in about 1 such image in 250
 * (12 of 3,000 random codes of a card's length); these are three of them, and the photo decoder still reads each.
 */
class PhotoDecodingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "K1WHT4QW6DJS903$J2+Q98T%S98UL*+G$PY8A397.VI O84ZM51%.-58%KHT7BICZFXI7%RK$BXJ- O/1*N7GWVTVH4S -SZSKR.64207O9+SU9 *DV8B9SI3M",
            "K17WGF9*7Y4Q%9-122.69T50V8*VC9/4:LYB2X:T-PXBMPTBPI6U.F/BYARG$6NCOHI79.XF0O2NYWX*/YGXSQI.IC54A+TC4- S6IV:3M/M/ZU2DOO91USFMK",
            "K1SI9V9TVCL+K*W%9UCJ59GNP8XVMB.0CN95U+8%/.WXAFEMAJY$FVD5EYFGFRA $-G/M5WA8%6.OQFGL0VZ8H2%/.MA$Z9NXFLA85Y*CZKW20S.%/S0CZ8TGN"})
    void aFlawlessImageOfACardIsReadWhereZxingsFinderIsMisledByTheData(String code) throws Exception {
        assertEquals(code, PhotoResource.qrText(drawn(code)));
    }

    private static byte[] drawn(String code) throws WriterException, IOException {
        var matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 360, 360,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix, "png", png);
        return png.toByteArray();
    }
}
