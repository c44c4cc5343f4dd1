package lu.kulturpass.token;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Version 1 of the token layout ("K1"). The text is the prefix followed by Base45 of:
 * <pre>
 *  offset size field
 *   0     2    key id (unsigned, big-endian)
 *   2     5    pass id (40 bits)
 *   7     2    valid from, days since 2020-01-01
 *   9     2    valid until, days since 2020-01-01
 *  11     1    category: 0 adult, 1 child, 2 collective
 *  12     1    group size (1..255)
 *  13     2    initials, ASCII A-Z ("--" when none)
 *  15     1    birth year - 1899 (0 when none)
 *  16    64    Ed25519 signature over prefix bytes + bytes 0..15
 * </pre>
 * 80 bytes make 120 Base45 characters; with the prefix 122, which fits a version 5 QR code at
 * error-correction level M in alphanumeric mode.
 */
final class PassTokenFormat {

    static final String PREFIX = "K1";
    static final int SIGNED_LENGTH = 16;
    static final int SIGNATURE_LENGTH = 64;
    static final int TOTAL_LENGTH = SIGNED_LENGTH + SIGNATURE_LENGTH;
    static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    static final LocalDate LAST_DAY = EPOCH.plusDays(0xffff);

    private PassTokenFormat() {
    }

    static byte[] pack(int keyId, PassClaims claims) {
        if (keyId < 0 || keyId > 0xffff) {
            throw new IllegalArgumentException("key id must fit 16 bits");
        }
        ByteBuffer buffer = ByteBuffer.allocate(SIGNED_LENGTH);
        buffer.putShort((short) keyId);
        long id = claims.passId();
        buffer.put((byte) (id >>> 32)).putInt((int) id);
        buffer.putShort((short) daysSinceEpoch(claims.validFrom()));
        buffer.putShort((short) daysSinceEpoch(claims.validUntil()));
        buffer.put((byte) claims.category().code);
        buffer.put((byte) claims.groupSize());
        buffer.put(Base45.ascii(claims.initials()));
        buffer.put((byte) (claims.birthYear() == 0 ? 0 : claims.birthYear() - 1899));
        return buffer.array();
    }

    static int keyId(byte[] body) {
        return ((body[0] & 0xff) << 8) | (body[1] & 0xff);
    }

    /** Reads the claims, or returns null when a field holds a value no signer writes. */
    static PassClaims unpack(byte[] body) {
        ByteBuffer buffer = ByteBuffer.wrap(body, 2, SIGNED_LENGTH - 2);
        long passId = ((long) (buffer.get() & 0xff) << 32) | (buffer.getInt() & 0xffffffffL);
        LocalDate from = EPOCH.plusDays(buffer.getShort() & 0xffff);
        LocalDate until = EPOCH.plusDays(buffer.getShort() & 0xffff);
        PassCategory category = PassCategory.fromCode(buffer.get() & 0xff);
        int groupSize = buffer.get() & 0xff;
        String initials = new String(new byte[] {buffer.get(), buffer.get()}, java.nio.charset.StandardCharsets.US_ASCII);
        int yearByte = buffer.get() & 0xff;
        if (category == null) {
            return null;
        }
        try {
            return new PassClaims(passId, from, until, category, groupSize, initials, yearByte == 0 ? 0 : 1899 + yearByte);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    private static int daysSinceEpoch(LocalDate day) {
        if (day.isBefore(EPOCH) || day.isAfter(LAST_DAY)) {
            throw new IllegalArgumentException("dates must lie between " + EPOCH + " and " + LAST_DAY);
        }
        return (int) ChronoUnit.DAYS.between(EPOCH, day);
    }
}
