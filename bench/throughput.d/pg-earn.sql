-- The minimal SQL of one earn: idempotency-key insert, ledger insert, balance update. The entry's id is time first,
-- then random, as the service's (common/Ids).
\set m random(1, 100000)
BEGIN;
INSERT INTO idempotency_key (caller, key, request_hash, status, body, created_at)
  VALUES ('pgbench', gen_random_uuid()::text, 'h', 201, '{}', now());
INSERT INTO ledger_entry (id, member_id, type, points, description, occurred_at, created_at)
  VALUES ('txn_' || lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || substr(md5(random()::text), 1, 16), 'mem_' || :m, 'EARN', 42, 'pgbench', now(), now());
UPDATE member_balance SET lifetime_earned = lifetime_earned + 42 WHERE member_id = 'mem_' || :m;
END;
