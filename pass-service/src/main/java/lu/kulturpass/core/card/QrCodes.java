package lu.kulturpass.core.card;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.QRCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * QR codes for pass tokens (ZXing), as PNG, as SVG, or as the bare module matrix that the card PDF
 * draws as vector squares.
 *
 * <p>Why error correction level M: it restores up to 15 % of damaged modules, which covers a card
 * that is worn, folded or scanned through a cracked phone screen, while keeping the 122-character
 * alphanumeric token at QR version 5 (37 x 37 modules). Level Q or H would push it to version 6 or 7:
 * smaller modules on the same 85.6 mm card, which cheap door scanners and older phones read worse than
 * they read a slightly damaged, larger code. Level L (7 %) is too little for a card kept in a wallet.
 * The quiet zone is the standard's 4 modules: less makes some readers miss the finder patterns.
 *
 * <p>Plain Java: usable without CDI (benchmarks, the card renderer).
 */
@ApplicationScoped
public class QrCodes {

    /** Width of the quiet zone, in modules, around the code in every output. */
    public static final int QUIET_ZONE = 4;

    /** Pixels per module of the image a new code is read back from. */
    private static final int CHECK_SCALE = 3;

    /** One bit per module, quiet zone included: {@code get(x, y)} is a dark module. */
    public BitMatrix modules(String token) {
        return firstReadable(token, modules -> scaled(modules, modules.getWidth() * CHECK_SCALE, CHECK_SCALE));
    }

    /**
     * The modules with the encoder's choice of mask if the image {@code draw} makes of them reads back, else with the
     * first mask pattern whose image does; the encoder's choice if none does.
     */
    private static BitMatrix firstReadable(String token, java.util.function.UnaryOperator<BitMatrix> draw) {
        BitMatrix chosen = encode(token, 0, null);
        if (readable(draw.apply(chosen), token)) {
            return chosen;
        }
        for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
            BitMatrix masked = encode(token, 0, mask);
            if (readable(draw.apply(masked), token)) {
                return masked;
            }
        }
        return chosen;
    }

    /** The code as a PNG of {@code sizePixels} square, checked readable at that very size (a reader's result depends on it). */
    public byte[] png(String token, int sizePixels) {
        BitMatrix pixels = scaled(firstReadable(token, modules -> scaled(modules, sizePixels)), sizePixels);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(pixels, "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A scalable SVG: one module is one user unit, the quiet zone is painted white, and each row's runs
     * of dark modules are one path segment, so the file stays small (about 5 KB for a pass token).
     */
    public String svg(String token) {
        BitMatrix matrix = modules(token);
        StringBuilder path = new StringBuilder(6000);
        forEachDarkRun(matrix, (x, y, length) ->
                path.append('M').append(x).append(',').append(y).append('h').append(length).append("v1h-").append(length).append('z'));
        int size = matrix.getWidth();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** Calls {@code run} for each horizontal run of dark modules, row by row, top to bottom. */
    public static <E extends Exception> void forEachDarkRun(BitMatrix matrix, DarkRun<E> run) throws E {
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                run.at(start, y, x - start);
            }
        }
    }

    /** A horizontal run of {@code length} dark modules starting at module {@code (x, y)} (y down). */
    @FunctionalInterface
    public interface DarkRun<E extends Exception> {
        void at(int x, int y, int length) throws E;
    }

    private static BitMatrix encode(String token, int sizePixels, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, sizePixels, sizePixels, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("token cannot be drawn as a QR code", e);
        }
    }

    /** The modules drawn as many whole pixels wide as fit, centred on a square of {@code sizePixels}. */
    private static BitMatrix scaled(BitMatrix modules, int sizePixels) {
        return scaled(modules, sizePixels, Math.max(1, sizePixels / modules.getWidth()));
    }

    /** The modules drawn {@code scale} pixels wide, centred on a square of {@code size} pixels. */
    private static BitMatrix scaled(BitMatrix modules, int size, int scale) {
        int offset = (size - modules.getWidth() * scale) / 2;
        BitMatrix pixels = new BitMatrix(size, size);
        forEachDarkRun(modules, (x, y, length) ->
                pixels.setRegion(offset + x * scale, offset + y * scale, length * scale, scale));
        return pixels;
    }

    /**
     * Whether a plain ZXing reader (the image binarised as a camera frame is, no "try harder" hint) finds the code
     * and reads the token back. The encoder picks the mask pattern with the lowest penalty score, and for about
     * one token in a hundred that pattern hides the code from the detector (data that looks like a finder
     * pattern): then another mask is used. The check was first made with the detector alone and its "try harder"
     * hint, which reads codes a plain reader misses: the served PNG of some tokens
     * did not read back in the end-to-end test (QrCodeReadBackTest now reads 2,000 signed tokens' PNGs).
     */
    private static boolean readable(BitMatrix pixels, String token) {
        try {
            BinaryBitmap frame = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(MatrixToImageWriter.toBufferedImage(pixels))));
            return token.equals(new QRCodeReader().decode(frame).getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
