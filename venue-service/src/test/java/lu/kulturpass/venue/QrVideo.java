package lu.kulturpass.venue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A card's QR code as a PNG (ZXing, level M as on the printed card), and that PNG filmed by a still camera:
 * a Y4M file (YUV 4:2:0) that Chromium plays as its fake camera (--use-file-for-fake-video-capture).
 */
final class QrVideo {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private QrVideo() {
    }

    static Path png(String text, Path file) {
        try {
            Files.createDirectories(file.getParent());
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            MatrixToImageWriter.writeToPath(matrix, "png", file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The PNG in the middle of a white 640x480 frame, as a few identical frames (Chromium loops the file). */
    static Path y4m(Path png, Path file) {
        try {
            BufferedImage code = ImageIO.read(png.toFile());
            BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.drawImage(code, (WIDTH - code.getWidth()) / 2, (HEIGHT - code.getHeight()) / 2, null);
            g.dispose();
            byte[] luma = new byte[WIDTH * HEIGHT];
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int rgb = frame.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int gr = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    luma[y * WIDTH + x] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                }
            }
            byte[] chroma = new byte[WIDTH / 2 * HEIGHT / 2];
            java.util.Arrays.fill(chroma, (byte) 128);
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 10; i++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(luma);
                    out.write(chroma);
                    out.write(chroma);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
