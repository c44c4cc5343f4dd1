package lu.kulturpass.core.pass;

import io.smallrye.config.ConfigMapping;
import java.time.Period;

/** The passes' settings ({@code kulturpass.pass.*}). */
@ConfigMapping(prefix = "kulturpass.pass")
public interface PassConfig {

    /** How long a new pass is valid (the programme's rule: two years). */
    Period validity();
}
