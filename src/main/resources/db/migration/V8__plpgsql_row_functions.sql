-- order_category and entry_points run once per written row (the generated earn_order.category, the points_day
-- trigger). As SQL functions PostgreSQL parsed and planned their bodies again for every statement: the first was
-- inlined into the generated column's expression at each executor start, the second (OUT parameters, not inlinable)
-- went through the SQL function executor each time. PL/pgSQL keeps a function compiled, and its expressions'
-- plans, for the session. Same results.

CREATE OR REPLACE FUNCTION order_category(lines jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    first jsonb := jsonb_path_query_first(lines, '$[*].category ? (@ != null)');
BEGIN
    IF first IS NULL THEN
        RETURN NULL;
    END IF;
    IF jsonb_path_exists(lines, '$[*].category ? (@ != null && @ != $first)', jsonb_build_object('first', first)) THEN
        RETURN chr(1);
    END IF;
    RETURN first #>> '{}';
END
$$;

CREATE OR REPLACE FUNCTION entry_points(type text, points bigint, redemption_id text, OUT issued bigint, OUT redeemed bigint, OUT expired bigint)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    issued := CASE WHEN type IN ('EARN', 'BONUS', 'REFERRAL', 'ADJUST') AND points > 0 THEN points ELSE 0 END;
    redeemed := CASE WHEN type = 'REDEEM' THEN -points WHEN type = 'REVERSAL' AND redemption_id IS NOT NULL THEN -points ELSE 0 END;
    expired := CASE WHEN type = 'EXPIRE' THEN -points ELSE 0 END;
END
$$;
