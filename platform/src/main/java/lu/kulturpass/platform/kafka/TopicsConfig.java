package lu.kulturpass.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The topics a service declares and how {@link TopicDeclarations} creates them ({@code kulturpass.kafka.*}). */
@ConfigMapping(prefix = "kulturpass.kafka")
public interface TopicsConfig {

    /** Each topic the service writes or reads, as {@code name} or {@code name:compact}. */
    List<String> topics();

    /** The partitions of a topic created at start. */
    @WithDefault("3")
    int partitions();

    /** The replicas of a topic created at start. */
    @WithDefault("1")
    short replicationFactor();
}
