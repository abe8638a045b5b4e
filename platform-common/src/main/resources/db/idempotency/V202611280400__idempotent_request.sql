-- Answers to POSTs that carried an Idempotency-Key, so that a retried request gets the same answer
-- instead of a second effect (DESIGN.md §6).
CREATE TABLE idempotent_request (
    scope      VARCHAR(100) NOT NULL,
    key        VARCHAR(200) NOT NULL,
    status     INTEGER      NOT NULL,
    body       TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
