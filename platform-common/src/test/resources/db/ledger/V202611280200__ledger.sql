CREATE TABLE ledger_entry (
    id      BIGSERIAL   PRIMARY KEY,
    account VARCHAR(50) NOT NULL,
    amount  BIGINT      NOT NULL
);

CREATE TABLE ledger_balance (
    account      VARCHAR(50) PRIMARY KEY,
    total        BIGINT      NOT NULL,
    events       BIGINT      NOT NULL,
    last_entry   BIGINT      NOT NULL,
    out_of_order BIGINT      NOT NULL DEFAULT 0
);
