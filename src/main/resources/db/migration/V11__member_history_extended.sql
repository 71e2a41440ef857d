-- The refresh-analytics fold extends a member's stored history with the member's new orders instead of rebuilding it
-- from all of them. A rebuild works through every order of the member, 0.06-0.1 ms a member with 12 orders, and every
-- earn marks its member (bench/RESULTS.md, items 46 and 47). An earn almost always adds an order later than the
-- member's others: the history is then the stored one with the new orders appended.

-- A mark for an inserted order carries the order's occurred_at; a mark for any other change (a refund, a delete)
-- carries null. A member with such a mark, or with a new order not later than its stored ones, is rebuilt as before.
ALTER TABLE member_history_stale ADD COLUMN appended_at timestamptz;

CREATE OR REPLACE FUNCTION member_history_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO member_history_stale VALUES (NEW.member_id, NEW.occurred_at);
        RETURN NULL;
    END IF;
    INSERT INTO member_history_stale VALUES (OLD.member_id);
    IF TG_OP = 'UPDATE' AND NEW.member_id <> OLD.member_id THEN
        INSERT INTO member_history_stale VALUES (NEW.member_id);
    END IF;
    RETURN NULL;
END
$$;

-- A stored history extended with the orders that follow all of its own. The latest_ arrays hold the member's last
-- orders, latest first: the added new ones, then the stored ones from the first whose mix is still open (2147483647),
-- as the fold reads them. Those are the only ones whose mix a new order can close, and a mix only depends on the order
-- and the ones after it, so the open part is worked out again from their categories; the rest of the arrays only grow
-- at their end.
CREATE FUNCTION member_history_extended(h member_history, added integer, latest_at bigint[], latest_revenue bigint[],
                                        latest_day integer[], latest_category text[])
    RETURNS member_history LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    -- The position of the first stored order given, as the fold chose it.
    open_from integer := cardinality(h.order_at) + added + 1 - cardinality(latest_category);
    day integer;
    month integer;
    week integer;
BEGIN
    h.mix := h.mix[1:open_from - 1]
          || ARRAY(SELECT CASE WHEN j = 2147483647 THEN j ELSE j + open_from - 1 END
                     FROM unnest(category_mix(latest_category)) j);
    FOR i IN REVERSE added..1 LOOP
        h.order_at := h.order_at || latest_at[i];
        h.revenue_sum := h.revenue_sum || (h.revenue_sum[cardinality(h.revenue_sum)] + latest_revenue[i]);
        day := latest_day[i];
        IF day = h.days[cardinality(h.days)] THEN
            h.day_value_sum[cardinality(h.day_value_sum)] :=
                h.day_value_sum[cardinality(h.day_value_sum)] + latest_revenue[i];
        ELSE
            h.days := h.days || day;
            h.day_value_sum := h.day_value_sum || (h.day_value_sum[cardinality(h.day_value_sum)] + latest_revenue[i]);
        END IF;
        -- As member_history_of numbers months and weeks.
        month := CAST(EXTRACT(YEAR FROM date '1970-01-01' + day) * 12
                      + EXTRACT(MONTH FROM date '1970-01-01' + day) - 1 AS integer);
        IF month > h.months[cardinality(h.months)] THEN
            h.months := h.months || month;
        END IF;
        week := CAST(floor((day + 3) / 7.0) AS integer);
        IF week > h.weeks[cardinality(h.weeks)] THEN
            h.weeks := h.weeks || week;
        END IF;
    END LOOP;
    RETURN h;
END
$$;
