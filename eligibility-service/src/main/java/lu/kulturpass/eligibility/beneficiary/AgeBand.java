package lu.kulturpass.eligibility.beneficiary;

/** The age bands statistics are broken down by; events carry the band, never the birth date. */
public final class AgeBand {

    private AgeBand() {
    }

    public static String of(int age) {
        if (age < 12) {
            return "0-11";
        }
        if (age < 18) {
            return "12-17";
        }
        if (age < 26) {
            return "18-25";
        }
        if (age < 65) {
            return "26-64";
        }
        return "65+";
    }
}
