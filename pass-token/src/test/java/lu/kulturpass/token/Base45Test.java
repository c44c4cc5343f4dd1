package lu.kulturpass.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Base45Test {

    @Test
    void matchesTheRfc9285Examples() {
        assertEquals("BB8", Base45.encode("AB".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("%69 VD92EX0", Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("UJCLQE7W581", Base45.encode("base-45".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals("ietf!".getBytes(StandardCharsets.US_ASCII), Base45.decode("QED8WEX0"));
    }

    @Test
    void rejectsTextThatNoEncoderProduces() {
        assertNull(Base45.decode("GGW"), "65535 < value of GGW");
        assertNull(Base45.decode("A"), "a lone character");
        assertNull(Base45.decode("ab"), "lower case");
    }
}
