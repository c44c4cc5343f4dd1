/**
 * The events the services exchange on Kafka, one class per topic ({@code XTopic.TOPIC}) holding a record per event
 * type, with its CloudEvents type ({@code TYPE}, or {@code TYPES} for one shape under several types) and the version of
 * its data's shape ({@code VERSION}, the {@code ce_schemaversion}). Producers hand a record to the outbox; consumers
 * read the event's data into the same record ({@code IncomingEvent.data(Class)}).
 * <p>
 * The JSON field names are the wire's: events stay in the topics for years (the statistics are rebuilt from them), so a
 * new version only adds fields, and a reader ignores the fields it does not know ({@code ignoreUnknown}) and gives a
 * field an older event lacks a default. Times are RFC 3339 text as {@code OffsetDateTime.toString()} writes it; dates
 * are ISO dates. Pseudonymous ids and categories only: no name, address or birth date.
 */
package lu.kulturpass.events;
