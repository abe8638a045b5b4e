-- The W3C trace context of the write that recorded the event (null when it was not traced), sent as
-- the CloudEvents distributed-tracing extension so that the consumer's work joins the same trace.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
