package lu.kulturpass.venue.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How scans are recorded and for how long an admission can be undone ({@code kulturpass.admission.*}). */
@ConfigMapping(prefix = "kulturpass.admission")
public interface AdmissionConfig {

    /** Recorders writing batches of scans at once. */
    @WithDefault("1")
    int recorders();

    /** The most scans one recorder writes in one statement. */
    @WithDefault("64")
    int batchSize();

    /** How long a scan waits for its batch before it is answered 503. */
    @WithDefault("PT10S")
    Duration batchPatience();

    /** How long after an admission the box office may undo it. */
    @WithDefault("PT10M")
    Duration undoWindow();
}
