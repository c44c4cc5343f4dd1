-- The trace an event was written in (its W3C traceparent, e.g. a scan's request at the door): the relay puts it in the
-- Kafka record's traceparent header, so that the consumer's work continues that trace (docs/observability.md).
-- Nullable: written by this release, ignored by the previous one during a rolling upgrade, absent when tracing is off.
alter table outbox_event add column trace_parent varchar(55);
