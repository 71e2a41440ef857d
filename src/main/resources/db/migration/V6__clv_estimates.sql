-- The CLV figures of one asOf and horizon: the fitted models (null when the data cannot carry a fit) and the mean
-- predicted spend per customer over the horizon, before the gross margin (applied when served, as it is then).
CREATE TABLE clv_estimate (
    as_of               date             NOT NULL,
    horizon_months      integer          NOT NULL,
    order_changes       bigint           NOT NULL, -- member_history_folded.marks + unfolded marks, read before the orders
    computed_at         timestamptz      NOT NULL,
    customers           bigint           NOT NULL,
    predicted_spend     double precision NOT NULL,
    r                   double precision,
    alpha               double precision,
    a                   double precision,
    b                   double precision,
    p                   double precision,
    q                   double precision,
    v                   double precision,
    PRIMARY KEY (as_of, horizon_months)
);
