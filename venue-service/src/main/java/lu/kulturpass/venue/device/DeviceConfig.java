package lu.kulturpass.venue.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How {@link PairedDevices} remembers door devices ({@code kulturpass.device.*}). */
@ConfigMapping(prefix = "kulturpass.device")
public interface DeviceConfig {

    /** How long a device looked up is remembered; 0 looks it up at every request. */
    @WithDefault("PT30S")
    Duration remembered();

    /** How often at most a device's last synced time is written. */
    @WithDefault("PT1M")
    Duration syncInterval();
}
