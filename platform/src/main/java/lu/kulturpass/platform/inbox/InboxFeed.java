package lu.kulturpass.platform.inbox;

import java.util.function.Consumer;

/**
 * A Kafka channel's consumer as the {@link Inbox} applies it, declared as a CDI bean ({@code @Produces}) by the class that
 * consumes the channel, so that the channel's dead letters can be replayed through the same code once their cause is
 * fixed ({@link DeadLetters}, {@code POST /dead-letters/{channel}/replay}).
 *
 * @param channel  the incoming channel's name ({@code mp.messaging.incoming.<channel>...})
 * @param consumer the consumer name the inbox records applied event ids under (the same as the live feed's)
 * @param each     the effect of one event (the live feed's)
 */
public record InboxFeed(String channel, String consumer, Consumer<IncomingEvent> each) {
}
