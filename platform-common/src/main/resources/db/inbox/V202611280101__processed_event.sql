-- Idempotent consumers (DESIGN.md §4): a projection change and the record that its event was
-- processed commit together, so a redelivered event is recognised and skipped.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
