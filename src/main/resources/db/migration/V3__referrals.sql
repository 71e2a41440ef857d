-- Referral codes, issued by partners, merchants, admins or the member itself (source: the issuer's token subject).
CREATE TABLE referral_code (
    code        text        PRIMARY KEY,
    member_id   text        NOT NULL REFERENCES member (id),
    source      text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX referral_code_member ON referral_code (member_id, created_at);

-- One row per referred member: PENDING until its first qualifying order, then REWARDED (or CAPPED), and REVERSED
-- when that order is refunded in full. The conditional UPDATE of this row is what pays a referral exactly once.
CREATE TABLE referral (
    referee_id       text        PRIMARY KEY REFERENCES member (id),
    referrer_id      text        NOT NULL REFERENCES member (id),
    code             text        NOT NULL REFERENCES referral_code (code),
    status           text        NOT NULL CHECK (status IN ('PENDING', 'REWARDED', 'REVERSED', 'CAPPED')),
    order_id         text,
    referrer_points  bigint,
    referee_points   bigint,
    created_at       timestamptz NOT NULL,
    rewarded_at      timestamptz,
    reversed_at      timestamptz
);

CREATE INDEX referral_referrer ON referral (referrer_id, created_at DESC, referee_id DESC);
CREATE INDEX referral_code_uses ON referral (code);
