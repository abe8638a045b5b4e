-- Transactional outbox (DESIGN.md §4): a state change and its event commit together; the relay
-- publishes unsent rows in position order and stamps sent_at.
CREATE TABLE outbox_event (
    position    BIGSERIAL    PRIMARY KEY,
    event_id    UUID         NOT NULL UNIQUE,
    topic       VARCHAR(200) NOT NULL,
    event_key   VARCHAR(300) NOT NULL,
    type        VARCHAR(200) NOT NULL,
    source      VARCHAR(100) NOT NULL,
    actor       VARCHAR(200),
    data        TEXT         NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    sent_at     TIMESTAMPTZ
);

CREATE INDEX outbox_event_unsent_idx ON outbox_event (position) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_idx ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
