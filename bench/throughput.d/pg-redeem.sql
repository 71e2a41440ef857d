-- The minimal SQL of one redeem: a guarded debit of the member's points, and its ledger entry (its id time first, then
-- random, as the service's: common/Ids).
\set m random(1, 100000)
BEGIN;
UPDATE lot SET remaining = remaining - 100 WHERE id = 'lot_seed_' || :m AND remaining >= 100;
INSERT INTO ledger_entry (id, member_id, type, points, description, occurred_at, created_at)
  VALUES ('txn_' || lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || substr(md5(random()::text), 1, 16), 'mem_' || :m, 'REDEEM', -100, 'pgbench', now(), now());
END;
