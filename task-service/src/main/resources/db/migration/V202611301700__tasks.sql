-- task-service (督办): departments, tasks with milestones and county subtasks, progress reports,
-- and the notices of tasks gone overdue (each published once).

-- The indicators a task may follow, from bqw.indicators.v1.
CREATE TABLE indicator_ref (
    code        VARCHAR(64)  PRIMARY KEY,
    name_zh     VARCHAR(200) NOT NULL,
    unit        VARCHAR(64)  NOT NULL
);

-- A region's bureaus (市农业农村局, each county's 县农业农村局, …).
CREATE TABLE department (
    code         VARCHAR(64)  PRIMARY KEY,
    name_zh      VARCHAR(200) NOT NULL,
    region_code  VARCHAR(12)  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX department_region_idx ON department (region_code);

CREATE TABLE task (
    code                 VARCHAR(64)   PRIMARY KEY,
    title                VARCHAR(500)  NOT NULL,
    campaign             VARCHAR(16)   NOT NULL,
    region_code          VARCHAR(12)   NOT NULL,
    lead_department      VARCHAR(64)   NOT NULL REFERENCES department (code),
    cooperating          VARCHAR(64)[] NOT NULL DEFAULT '{}',
    start_date           DATE          NOT NULL,
    due_date             DATE          NOT NULL,
    -- INDICATOR (progress from report-service's figure of the indicator against the region's
    -- target), QUANTITY (an amount the department reports against planned) or PERCENT (0–100).
    measure              VARCHAR(16)   NOT NULL,
    indicator_code       VARCHAR(64),
    planned              NUMERIC,
    unit                 VARCHAR(64),
    parent_code          VARCHAR(64)   REFERENCES task (code),
    -- What the department has reported last: a quantity or a percentage.
    reached              NUMERIC,
    done_on              DATE,
    status               VARCHAR(16)   NOT NULL,
    light                VARCHAR(8)    NOT NULL,
    working              VARCHAR(500)  NOT NULL,
    status_on            DATE          NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    CHECK (due_date >= start_date),
    CHECK (measure IN ('INDICATOR', 'QUANTITY', 'PERCENT')),
    CHECK ((measure = 'INDICATOR') = (indicator_code IS NOT NULL))
);
CREATE INDEX task_region_idx ON task (region_code);
CREATE INDEX task_parent_idx ON task (parent_code);
CREATE INDEX task_lead_idx ON task (lead_department);

CREATE TABLE milestone (
    task_code   VARCHAR(64)  NOT NULL REFERENCES task (code),
    number      INTEGER      NOT NULL,
    title       VARCHAR(500) NOT NULL,
    due_date    DATE         NOT NULL,
    done_on     DATE,
    PRIMARY KEY (task_code, number)
);

-- Every progress report the lead department made; a revision is a new version of the same report.
CREATE TABLE progress_report (
    id           BIGSERIAL     PRIMARY KEY,
    task_code    VARCHAR(64)   NOT NULL REFERENCES task (code),
    reported_on  DATE          NOT NULL,
    note         VARCHAR(4000) NOT NULL,
    reached      NUMERIC       NOT NULL,
    evidence     VARCHAR(500)[] NOT NULL DEFAULT '{}',
    done_milestones INTEGER[]  NOT NULL DEFAULT '{}',
    version      BIGINT        NOT NULL,
    recorded_by  VARCHAR(200)  NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    UNIQUE (task_code, reported_on, version)
);

-- A task or milestone that went overdue: the row is written with its event, in one transaction, and
-- never twice (the primary key), whichever instance looks and however often.
CREATE TABLE overdue_notice (
    task_code   VARCHAR(64)  NOT NULL REFERENCES task (code),
    -- 0 for the task's own due date, else the milestone's number.
    milestone   INTEGER      NOT NULL,
    due_date    DATE         NOT NULL,
    noticed_on  DATE         NOT NULL,
    PRIMARY KEY (task_code, milestone)
);
