-- Survey answers members give (NPS, CSAT, CLI, share of wallet), counted by when they were received.
CREATE TABLE feedback (
    id              text        PRIMARY KEY,
    member_id       text        NOT NULL REFERENCES member (id),
    kind            text        NOT NULL CHECK (kind IN ('NPS', 'CSAT', 'CLI', 'SOW')),
    score           integer,
    recommend       integer,
    repurchase      integer,
    other_products  integer,
    category_spend  bigint,
    period_days     integer,
    received_at     timestamptz NOT NULL
);

CREATE INDEX feedback_received ON feedback (received_at, kind);

-- Analytics read orders by time across all members.
CREATE INDEX earn_order_occurred ON earn_order (occurred_at);
CREATE INDEX ledger_entry_occurred ON ledger_entry (occurred_at, type);
