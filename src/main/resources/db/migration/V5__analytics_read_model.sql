-- The analytics read model: what the analytics figures need, kept so that a figure over any range costs a pass over
-- one short row per member (or a few rows per day), not over every order and ledger entry. Writers only append to
-- the *_change and member_history_stale tables (no keys, so concurrent calls never wait on each other); the
-- refresh-analytics job folds those appends in, one transaction per step, and readers add what is not folded yet,
-- so every figure is exact as of the reader's snapshot whether or not the job has run.

-- One row per member with orders: its order history as sorted arrays that width_bucket binary-searches.
CREATE TABLE member_history (
    member_id      text     PRIMARY KEY,
    order_at       bigint[] NOT NULL, -- its orders' occurred_at in epoch microseconds, ascending
    revenue_sum    bigint[] NOT NULL, -- revenue_sum[i]: amounts less refunds of orders 1..i
    mix            integer[] NOT NULL, -- mix[i]: the least j >= i such that orders i..j span two line categories (2147483647: none)
    months         integer[] NOT NULL, -- months with an order (year * 12 + month - 1), ascending
    weeks          integer[] NOT NULL, -- ISO weeks with an order (days since Monday 1969-12-29, / 7), ascending
    days           integer[] NOT NULL, -- days with an order (days since 1970-01-01), ascending
    day_value_sum  bigint[] NOT NULL  -- day_value_sum[i]: revenue of days 1..i
);

-- Members whose member_history row is out of date. Readers compute these members' histories from earn_order.
CREATE TABLE member_history_stale (
    member_id text NOT NULL
);

-- How many stale marks refreshes have folded. With the marks not folded yet it counts every change to earn_order,
-- and only moves when a change commits: what a stored CLV estimate is checked against.
CREATE TABLE member_history_folded (
    marks bigint NOT NULL
);
INSERT INTO member_history_folded VALUES (0);

-- The line categories of one order: null when none, the category when one, chr(1) when several.
CREATE FUNCTION order_category(lines jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN NOT jsonb_path_exists(lines, '$[*].category ? (@ != null)') THEN NULL
        WHEN jsonb_path_exists(lines, '$[*].category ? (@ != null && @ != $first)',
                               jsonb_build_object('first', jsonb_path_query_first(lines, '$[*].category ? (@ != null)'))) THEN chr(1)
        ELSE jsonb_path_query_first(lines, '$[*].category ? (@ != null)') #>> '{}'
    END
$$;

-- Worked out once, when the order is written, rather than on every read of its history.
ALTER TABLE earn_order ADD COLUMN category text GENERATED ALWAYS AS (order_category(lines)) STORED;

-- A member's orders with everything its history needs, read from the index alone: the orders of a member are
-- scattered over the table, one page each.
DROP INDEX earn_order_member;
CREATE INDEX earn_order_member ON earn_order (member_id, occurred_at) INCLUDE (order_id, amount, refunded_amount, category);

-- member_history.mix from the orders' categories, latest order first (so that one forward pass reads each once).
-- Orders i..j span two categories when one of them has several, or two of them have different ones; an order
-- without categories changes nothing.
CREATE FUNCTION category_mix(latest_first text[]) RETURNS integer[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    n integer := coalesce(array_length(latest_first, 1), 0);
    mix integer[] := array_fill(2147483647, ARRAY[n]);
    i integer := n + 1;
    nearest integer;            -- the first order after i with a category
    nearest_category text;
    other integer := 2147483647; -- the first order after nearest whose category differs from nearest_category
    category text;
BEGIN
    IF n = 0 THEN
        RETURN mix;
    END IF;
    FOREACH category IN ARRAY latest_first LOOP
        i := i - 1;
        IF category IS NULL THEN
            IF i < n THEN
                mix[i] := mix[i + 1];
            END IF;
        ELSE
            IF category = chr(1) THEN
                mix[i] := i;
            ELSIF nearest IS NULL THEN
                mix[i] := 2147483647;
            ELSIF nearest_category <> category THEN
                mix[i] := nearest;
            ELSE
                mix[i] := other;
            END IF;
            IF nearest_category IS DISTINCT FROM category OR category = chr(1) THEN
                other := coalesce(nearest, 2147483647);
                nearest_category := category;
            END IF;
            nearest := i;
        END IF;
    END LOOP;
    RETURN mix;
END
$$;

-- The member_history rows of the given members, computed from earn_order (none for a member without orders).
CREATE FUNCTION member_history_of(members text[]) RETURNS SETOF member_history LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH o AS (
        SELECT member_id, order_id, occurred_at, amount - refunded_amount AS revenue, category,
               CAST(floor(EXTRACT(EPOCH FROM occurred_at) * 1000000) AS bigint) AS at,
               CAST(occurred_at AT TIME ZONE 'UTC' AS date) - date '1970-01-01' AS day
          FROM earn_order JOIN unnest(members) AS asked (member_id) USING (member_id)),
    ordered AS (
        SELECT member_id, array_agg(at ORDER BY occurred_at, order_id) AS order_at,
               array_agg(revenue_to ORDER BY occurred_at, order_id) AS revenue_sum,
               category_mix(array_agg(category ORDER BY occurred_at DESC, order_id DESC)) AS mix
          FROM (SELECT o.*, sum(revenue) OVER (PARTITION BY member_id ORDER BY occurred_at, order_id) AS revenue_to FROM o) r
         GROUP BY member_id),
    daily AS (
        SELECT member_id, day, sum(sum(revenue)) OVER (PARTITION BY member_id ORDER BY day) AS value_to
          FROM o GROUP BY member_id, day),
    dated AS (
        SELECT member_id,
               array_agg(DISTINCT month ORDER BY month) AS months, array_agg(DISTINCT week ORDER BY week) AS weeks,
               array_agg(day ORDER BY day) AS days, array_agg(value_to ORDER BY day) AS day_value_sum
          FROM daily, LATERAL (SELECT CAST(EXTRACT(YEAR FROM date '1970-01-01' + day) * 12
                                        + EXTRACT(MONTH FROM date '1970-01-01' + day) - 1 AS integer) AS month,
                                      CAST(floor((day + 3) / 7.0) AS integer) AS week) period
         GROUP BY member_id)
    SELECT ordered.member_id, order_at, revenue_sum, mix, months, weeks, days, day_value_sum
      FROM ordered JOIN dated USING (member_id)
$$;

-- Every member's current history: the stored row unless stale, else computed now.
CREATE VIEW member_history_now AS
    SELECT h.* FROM member_history h
     WHERE NOT EXISTS (SELECT 1 FROM member_history_stale s WHERE s.member_id = h.member_id)
    UNION ALL
    SELECT * FROM member_history_of(ARRAY(SELECT DISTINCT member_id FROM member_history_stale));

CREATE FUNCTION member_history_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO member_history_stale VALUES (OLD.member_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.member_id <> OLD.member_id) THEN
        INSERT INTO member_history_stale VALUES (NEW.member_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER earn_order_history AFTER INSERT OR DELETE OR UPDATE OF member_id, amount, refunded_amount, lines, occurred_at
    ON earn_order FOR EACH ROW EXECUTE FUNCTION member_history_touched();

-- Points issued, redeemed (net of cancels) and expired, by the entries' UTC day of occurredAt.
CREATE TABLE points_day (
    day       date   PRIMARY KEY,
    issued    bigint NOT NULL,
    redeemed  bigint NOT NULL,
    expired   bigint NOT NULL
);

CREATE TABLE points_day_change (
    day       date   NOT NULL,
    issued    bigint NOT NULL,
    redeemed  bigint NOT NULL,
    expired   bigint NOT NULL
);

-- What one ledger entry adds to points_day.
CREATE FUNCTION entry_points(type text, points bigint, redemption_id text, OUT issued bigint, OUT redeemed bigint, OUT expired bigint)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN type IN ('EARN', 'BONUS', 'REFERRAL', 'ADJUST') AND points > 0 THEN points ELSE 0 END,
           CASE WHEN type = 'REDEEM' THEN -points WHEN type = 'REVERSAL' AND redemption_id IS NOT NULL THEN -points ELSE 0 END,
           CASE WHEN type = 'EXPIRE' THEN -points ELSE 0 END
$$;

CREATE FUNCTION points_day_posted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved record;
BEGIN
    SELECT * INTO moved FROM entry_points(NEW.type, NEW.points, NEW.redemption_id);
    IF moved.issued <> 0 OR moved.redeemed <> 0 OR moved.expired <> 0 THEN
        INSERT INTO points_day_change VALUES (CAST(NEW.occurred_at AT TIME ZONE 'UTC' AS date), moved.issued, moved.redeemed, moved.expired);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_entry_points_day AFTER INSERT ON ledger_entry FOR EACH ROW EXECUTE FUNCTION points_day_posted();

-- Points remaining in lots, by the UTC day the lot expires ('infinity': never); the points liability is the part
-- that has not expired, less debts.
CREATE TABLE liability_day (
    expires_on  date   PRIMARY KEY,
    points      bigint NOT NULL
);

CREATE TABLE liability_day_change (
    expires_on  date   NOT NULL,
    points      bigint NOT NULL
);

CREATE FUNCTION expires_on(expires_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT COALESCE(CAST(expires_at AT TIME ZONE 'UTC' AS date), date 'infinity')
$$;

CREATE FUNCTION liability_day_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.remaining <> 0 THEN
        INSERT INTO liability_day_change VALUES (expires_on(OLD.expires_at), -OLD.remaining);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.remaining <> 0 THEN
        INSERT INTO liability_day_change VALUES (expires_on(NEW.expires_at), NEW.remaining);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER lot_liability_day AFTER INSERT OR DELETE OR UPDATE OF remaining, expires_at
    ON lot FOR EACH ROW EXECUTE FUNCTION liability_day_moved();

CREATE INDEX member_balance_in_debt ON member_balance (member_id) INCLUDE (debt) WHERE debt > 0;

-- Builds the whole read model afresh from the orders, entries and lots: here for what exists already, and after bulk
-- loads that bypass the triggers (bench/seed).
CREATE FUNCTION rebuild_analytics() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtext('lojal.refresh-analytics'));
    -- Bulk loads write orders without marks: count the rebuild as a change, so stored CLV estimates are redone.
    UPDATE member_history_folded SET marks = marks + 1 + (SELECT count(*) FROM member_history_stale);
    TRUNCATE member_history, member_history_stale, points_day, points_day_change, liability_day, liability_day_change;
    INSERT INTO member_history SELECT * FROM member_history_of(ARRAY(SELECT DISTINCT member_id FROM earn_order));
    INSERT INTO points_day
    SELECT CAST(occurred_at AT TIME ZONE 'UTC' AS date), sum(p.issued), sum(p.redeemed), sum(p.expired)
      FROM ledger_entry, LATERAL entry_points(type, points, redemption_id) p GROUP BY 1;
    INSERT INTO liability_day SELECT expires_on(expires_at), sum(remaining) FROM lot WHERE remaining > 0 GROUP BY 1;
$$;

SELECT rebuild_analytics();
