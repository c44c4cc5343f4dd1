package lu.kulturpass.venue.admission;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.platform.words.CallerLanguage;
import lu.kulturpass.platform.words.Words;
import lu.kulturpass.venue.device.ScanningDevice;
import lu.kulturpass.venue.partner.CallerVenue;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A photo of a card (worn, or a screen the camera page could not read): the server finds the QR code with ZXing and scans it. */
@Path("/admissions/photo")
@Produces(MediaType.APPLICATION_JSON)
public class PhotoResource {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.TRY_HARDER, Boolean.TRUE);
    private static final Map<DecodeHintType, Object> PURE = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE);

    private final AdmissionDesk desk;
    private final Answers answers;
    private final CallerVenue callerVenue;
    private final ScanningDevice scanningDevice;

    public PhotoResource(AdmissionDesk desk, Answers answers, CallerVenue callerVenue, ScanningDevice scanningDevice) {
        this.scanningDevice = scanningDevice;
        this.desk = desk;
        this.answers = answers;
        this.callerVenue = callerVenue;
    }

    @POST
    @Consumes({"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.BOX_OFFICE)
    @Operation(summary = "Scan a photo of a card (PNG or JPEG, up to 5 MB): the QR code is decoded on the server, then scanned as POST /admissions",
            description = "422 when the photo holds no readable QR code.")
    public ScanAnswer scan(byte[] photo, @QueryParam("nonce") String nonce, @QueryParam("device") String device,
                           @QueryParam("performanceId") UUID performanceId) {
        if (nonce == null || nonce.isBlank() || nonce.length() > 100) {
            throw ProblemException.badRequest(Words.of(AdmissionWords.class).scanNonceNeeded());
        }
        if (device != null && device.length() > 100) {
            throw ProblemException.badRequest(Words.of(AdmissionWords.class).scanDeviceNameTooLong());
        }
        if (photo == null || photo.length == 0) {
            throw ProblemException.badRequest(Words.of(AdmissionWords.class).photoMissing());
        }
        if (photo.length > MAX_BYTES) {
            throw new ProblemException(413, "Photo too large", Words.of(AdmissionWords.class).photoTooLarge());
        }
        // a venue the programme does not know is refused before its photo is decoded, whatever the photo holds
        String venueId = callerVenue.venueId();
        String token = qrText(photo);
        ScanRequest request = new ScanRequest(token, null, nonce, device, performanceId);
        AdmissionDesk.Decided decided = desk.scan(Scan.live(venueId, request, scanningDevice.recorder(device)));
        return answers.of(decided.admission(), decided.card(), CallerLanguage.current());
    }

    /** The QR code's text, tried with the local-contrast binarizer first, then the global one (flat, evenly lit photos). */
    static String qrText(byte[] photo) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(photo));
        } catch (IOException | RuntimeException unreadable) {
            image = null;
        }
        if (image == null) {
            throw new ProblemException(422, "Not a photo", Words.of(AdmissionWords.class).notAPhoto());
        }
        // the photo as it is, then twice and half as large: ZXing's finder misses about 1 turned and scaled
        // code in 150 at one size and reads it at another (measured with PhotoTest's photos)
        for (double factor : new double[] {1, 2, 0.5}) {
            String text = decode(factor == 1 ? image : resized(image, factor));
            if (text != null) {
                return text;
            }
        }
        throw new ProblemException(422, "No code found", Words.of(AdmissionWords.class).noCodeInPhoto());
    }

    private static String decode(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)), new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return new MultiFormatReader().decode(bitmap, HINTS).getText();
            } catch (NotFoundException notFound) {
                // try the next binarizer
            }
        }
        // the finder can take a square of the data for a finder pattern and miss about 1 code in 100, in a photo as in
        // a flawless image (measured on drawn cards): the multiple-code reader weighs every three finder candidates, and
        // a flawless image is read as a pure code
        try {
            for (Result found : new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), HINTS)) {
                return found.getText();
            }
        } catch (NotFoundException notFound) {
            // read it as a pure code
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), PURE).getText();
        } catch (NotFoundException | ChecksumException | FormatException notPure) {
            return null;
        }
    }

    private static BufferedImage resized(BufferedImage image, double factor) {
        BufferedImage resized = new BufferedImage(Math.max(1, (int) (image.getWidth() * factor)),
                Math.max(1, (int) (image.getHeight() * factor)), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = resized.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, resized.getWidth(), resized.getHeight(), null);
        g.dispose();
        return resized;
    }
}
