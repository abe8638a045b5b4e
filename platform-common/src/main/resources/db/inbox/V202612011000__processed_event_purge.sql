-- Processed-event records are kept as long as an event can come again (ProcessedEvents), then
-- purged by age: the index finds the old ones without reading the whole table.
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
