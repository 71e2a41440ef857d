-- member_history_of looks up each asked member's orders in the member's index instead of joining the asked members to
-- the whole earn_order table. Given an array, the planner cannot tell how many members it holds, and without fresh
-- statistics it hashed them and scanned every order: the refresh-analytics fold of 684 stale members read all 16,000
-- pages of earn_order (150 ms) every 5 s, and the scan grew with the table. Per member the same fold takes 30 ms
-- (OFFSET 0 keeps the planner from turning the lookup back into a join). A rebuild of every member
-- (rebuild_analytics) takes as long as before: 3.1 s for 95,000 members, 3.7 s before. The rows are the same.
CREATE OR REPLACE FUNCTION member_history_of(members text[]) RETURNS SETOF member_history LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH o AS (
        SELECT asked.member_id, e.order_id, e.occurred_at, e.amount - e.refunded_amount AS revenue, e.category,
               CAST(floor(EXTRACT(EPOCH FROM e.occurred_at) * 1000000) AS bigint) AS at,
               CAST(e.occurred_at AT TIME ZONE 'UTC' AS date) - date '1970-01-01' AS day
          FROM unnest(members) AS asked (member_id)
          CROSS JOIN LATERAL (SELECT order_id, occurred_at, amount, refunded_amount, category FROM earn_order
                               WHERE earn_order.member_id = asked.member_id OFFSET 0) e),
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
