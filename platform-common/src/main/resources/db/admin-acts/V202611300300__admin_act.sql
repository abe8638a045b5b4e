-- Every administrative act (locks, rebuilds, republishing, drift checks, catalogue imports): who, when,
-- what, on what, with which parameters (and their SHA-256), and how it ended.
CREATE TABLE admin_act (
    id         BIGSERIAL    PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    actor      VARCHAR(200) NOT NULL,
    action     VARCHAR(50)  NOT NULL,
    target     VARCHAR(300),
    parameters JSONB,
    digest     CHAR(64)     NOT NULL,
    outcome    VARCHAR(2000)
);

CREATE INDEX admin_act_action_at_idx ON admin_act (action, at);
CREATE INDEX admin_act_at_idx ON admin_act (at);
