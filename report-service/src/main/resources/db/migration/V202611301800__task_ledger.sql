-- The task ledger (督办) from task-service's bqw.tasks.v1: departments, tasks as last published, and
-- the days each task or milestone went overdue.
CREATE TABLE ledger_department (
    code         VARCHAR(64)  PRIMARY KEY,
    name_zh      VARCHAR(200) NOT NULL,
    region_code  VARCHAR(12)  NOT NULL
);

CREATE TABLE ledger_task (
    code             VARCHAR(64)  PRIMARY KEY,
    title            VARCHAR(500) NOT NULL,
    campaign         VARCHAR(16)  NOT NULL,
    region_code      VARCHAR(12)  NOT NULL,
    lead_department  VARCHAR(64)  NOT NULL,
    start_date       DATE         NOT NULL,
    due_date         DATE         NOT NULL,
    measure          VARCHAR(16)  NOT NULL,
    indicator_code   VARCHAR(64),
    planned          NUMERIC,
    unit             VARCHAR(64),
    reached          NUMERIC,
    parent_code      VARCHAR(64),
    status           VARCHAR(16)  NOT NULL,
    light            VARCHAR(8)   NOT NULL,
    working          VARCHAR(500) NOT NULL,
    status_on        DATE         NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX ledger_task_region_idx ON ledger_task (region_code varchar_pattern_ops);

CREATE TABLE ledger_overdue (
    task_code   VARCHAR(64)  NOT NULL,
    milestone   INTEGER      NOT NULL,
    due_date    DATE         NOT NULL,
    noticed_on  DATE         NOT NULL,
    PRIMARY KEY (task_code, milestone)
);
