package lu.kulturpass.core.card;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import lu.kulturpass.platform.security.Roles;
import lu.kulturpass.testing.BearerTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Issuing passes over HTTP and reading back what the card endpoints produce: images, QR codes, text. */
final class CardTestSupport {

    private static final Pattern SVG_RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    private CardTestSupport() {
    }

    static String agencyStaff(String agency) {
        return BearerTokens.token(Roles.AGENCY_STAFF, agency);
    }

    static String programmeStaff() {
        return BearerTokens.token(Roles.PROGRAMME_STAFF, "culturall");
    }

    static String boxOffice(String venue) {
        return BearerTokens.token(Roles.BOX_OFFICE, venue);
    }

    /** Issues a pass through the API: id, number, token, validFrom, validUntil ... */
    static JsonPath issue(String agency, String category, int groupSize) {
        return given().auth().oauth2(agencyStaff(agency)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("holderRef", "ref-" + UUID.randomUUID().toString().substring(0, 8), "category", category,
                        "groupSize", groupSize, "initials", "ZL", "birthYear", 1984))
                .when().post("/passes")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath issue(String agency) {
        return issue(agency, "ADULT", 1);
    }

    static BufferedImage image(byte[] encoded) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(encoded));
    }

    /** Decodes the one QR code in the image (pure-barcode hint off: the reader must find it). */
    static Result decode(BufferedImage image) throws NotFoundException, com.google.zxing.ChecksumException,
            com.google.zxing.FormatException {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    /** The print resolutions a card's code is read at, as a door's camera meets a card at several sizes (docs/cards.md). */
    static final int[] PRINT_RESOLUTIONS = {150, 180, 220, 250, 300};

    /** At how many of them a card's code must read: most of them (ZXing misses about one code in a hundred at one). */
    static final int MOST_RESOLUTIONS = PRINT_RESOLUTIONS.length / 2 + 1;

    /**
     * At how many of the {@link #PRINT_RESOLUTIONS} a plain reader finds the code of this one-card PDF; a code read as
     * another token fails the test. ZXing misses about one card code in a hundred at one given resolution and reads it
     * at the others.
     */
    static int resolutionsReading(byte[] pdf, String token) throws IOException {
        int reading = 0;
        for (int dpi : PRINT_RESOLUTIONS) {
            Optional<String> read = read(render(pdf, dpi));
            if (read.isPresent()) {
                assertEquals(token, read.get(), "the code read at " + dpi + " DPI");
                reading++;
            }
        }
        return reading;
    }

    /** The text a plain reader (with "try harder") finds in the image; empty when it finds no code or cannot correct it. */
    static Optional<String> read(BufferedImage image) {
        try {
            return Optional.of(decode(image).getText());
        } catch (com.google.zxing.ReaderException missed) {
            return Optional.empty();
        }
    }

    /** Paints an SVG served by the service from its own path data, {@code scale} pixels per module. */
    static BufferedImage paint(String svg, int scale) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new AssertionError("no viewBox in " + svg);
        }
        int size = Integer.parseInt(box.group(1));
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = SVG_RUN.matcher(svg);
        while (run.find()) {
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        return image;
    }

    static BufferedImage render(byte[] pdf, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** How many rows, in every table of the service's database, contain the text anywhere. */
    static long rowsContaining(DataSource database, String text) throws SQLException {
        try (Connection connection = database.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (tables.isEmpty()) {
                throw new AssertionError("no tables found: the check would prove nothing");
            }
            long rows = 0;
            for (String table : tables) {
                try (PreparedStatement query = connection.prepareStatement(
                        "select count(*) from \"" + table + "\" t where t::text like ?")) {
                    query.setString(1, "%" + text + "%");
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
            }
            return rows;
        }
    }

    /** A card with plain labels, for tests of the renderer alone (the words of real cards come from CardText). */
    static CardFace face(CardContent card) {
        return new CardFace(card, "Name", "Pass number", "Valid", card.validFrom() + " – " + card.validUntil(),
                java.util.Optional.empty(), "Personal card");
    }
}
