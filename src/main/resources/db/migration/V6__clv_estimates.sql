-- Counts changes to earn_order, so that a stored CLV estimate can tell whether the orders it was computed on changed.
CREATE SEQUENCE earn_order_change;

CREATE OR REPLACE FUNCTION member_history_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO member_history_stale VALUES (OLD.member_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.member_id <> OLD.member_id) THEN
        INSERT INTO member_history_stale VALUES (NEW.member_id);
    END IF;
    PERFORM nextval('earn_order_change');
    RETURN NULL;
END
$$;

-- The CLV figures of one asOf and horizon: the fitted models (null when the data cannot carry a fit) and averages.
CREATE TABLE clv_estimate (
    as_of               date             NOT NULL,
    horizon_months      integer          NOT NULL,
    order_changes       bigint           NOT NULL, -- earn_order_change when computed
    computed_at         timestamptz      NOT NULL,
    took_ms             bigint           NOT NULL,
    customers           bigint           NOT NULL,
    historical_average  bigint           NOT NULL,
    predicted_average   bigint           NOT NULL,
    r                   double precision,
    alpha               double precision,
    a                   double precision,
    b                   double precision,
    p                   double precision,
    q                   double precision,
    v                   double precision,
    PRIMARY KEY (as_of, horizon_months)
);
