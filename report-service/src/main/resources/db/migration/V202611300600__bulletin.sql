-- Published bulletins (通报): immutable snapshots of a region's figures. Not part of the projection:
-- a rebuild leaves them alone. The content is kept as the exact canonical JSON text its SHA-256 is of.
CREATE TABLE bulletin (
    id            BIGSERIAL     PRIMARY KEY,
    region_code   VARCHAR(12)   NOT NULL,
    year          INTEGER       NOT NULL,
    number        INTEGER       NOT NULL,
    as_of         VARCHAR(7)    NOT NULL,
    view          VARCHAR(10)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    published_at  TIMESTAMPTZ   NOT NULL,
    published_by  VARCHAR(200)  NOT NULL,
    corrects      BIGINT        REFERENCES bulletin (id),
    last_event_at TIMESTAMPTZ,
    applied_at    TIMESTAMPTZ,
    content       TEXT          NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    UNIQUE (region_code, year, number)
);

-- A bulletin never changes: a correction is a new edition that names the one it corrects.
CREATE FUNCTION bulletin_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'bulletin % is published and cannot be changed or removed', OLD.id;
END;
$$;

CREATE TRIGGER bulletin_immutable BEFORE UPDATE OR DELETE ON bulletin
    FOR EACH ROW EXECUTE FUNCTION bulletin_is_immutable();
