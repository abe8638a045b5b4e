-- An Idempotency-Key is bound to its request (a fingerprint of method, path, query and body), is
-- reserved while its request runs (status and body NULL), holds up to 255 characters, and expires.
ALTER TABLE idempotent_request ALTER COLUMN scope TYPE TEXT;
ALTER TABLE idempotent_request ALTER COLUMN key TYPE VARCHAR(255);
ALTER TABLE idempotent_request ALTER COLUMN status DROP NOT NULL;
ALTER TABLE idempotent_request ALTER COLUMN body DROP NOT NULL;
ALTER TABLE idempotent_request ADD COLUMN fingerprint VARCHAR(64);
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
