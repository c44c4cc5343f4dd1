package lu.kulturpass.core.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lu.kulturpass.token.PassCategory;
import lu.kulturpass.token.PassClaims;
import lu.kulturpass.token.PassTokenSigner;
import lu.kulturpass.token.SigningKeyPair;
import org.junit.jupiter.api.Test;

/** The PNG a phone shows at the door reads back with a plain ZXing reader (no hints), for many real tokens. */
class QrCodeReadBackTest {

    @Test
    void everyServedPngOfManySignedTokensReadsBackWithAPlainReader() throws Exception {
        QrCodes qrCodes = new QrCodes();
        PassTokenSigner signer = new PassTokenSigner(3, SigningKeyPair.generate().privateKey());
        Random random = new Random(20261121);
        List<String> unreadable = new ArrayList<>();
        int tokens = Integer.getInteger("kulturpass.qr.tokens", 2000);
        for (int i = 0; i < tokens; i++) {
            LocalDate from = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
            PassCategory category = PassCategory.values()[random.nextInt(PassCategory.values().length)];
            String token = signer.sign(new PassClaims(100_000_000L + random.nextInt(900_000_000), from, from.plusYears(2),
                    category, category == PassCategory.COLLECTIVE ? 2 + random.nextInt(30) : 1,
                    "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)), 1930 + random.nextInt(90)));
            try {
                String read = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(CardTestSupport.image(qrCodes.png(token, 400)))))).getText();
                if (!token.equals(read)) {
                    unreadable.add(token);
                }
            } catch (com.google.zxing.NotFoundException e) {
                unreadable.add(token);
            }
        }
        assertEquals(List.of(), unreadable, unreadable.size() + " of " + tokens + " tokens' PNGs did not read back");
    }
}
