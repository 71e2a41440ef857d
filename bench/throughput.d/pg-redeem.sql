-- The minimal SQL of one redeem: a guarded debit of the member's points, and its ledger entry.
\set m random(1, 100000)
BEGIN;
UPDATE lot SET remaining = remaining - 100 WHERE id = 'lot_seed_' || :m AND remaining >= 100;
INSERT INTO ledger_entry (id, member_id, type, points, description, occurred_at, created_at)
  VALUES ('txn_' || gen_random_uuid()::text, 'mem_' || :m, 'REDEEM', -100, 'pgbench', now(), now());
END;
