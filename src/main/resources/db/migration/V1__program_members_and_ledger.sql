-- The loyalty program: one row, edited through PUT /v1/program.
CREATE TABLE program (
    id                                  smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    name                                text        NOT NULL,
    currency                            text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    pending_days                        integer     NOT NULL CHECK (pending_days >= 0),
    expiry_months                       integer     CHECK (expiry_months > 0),
    tier_window_months                  integer     NOT NULL CHECK (tier_window_months > 0),
    gross_margin                        numeric(7, 6) NOT NULL CHECK (gross_margin >= 0 AND gross_margin <= 1),
    point_value                         bigint      NOT NULL CHECK (point_value >= 0),
    min_points                          bigint      NOT NULL CHECK (min_points >= 1),
    increment                           bigint      NOT NULL CHECK (increment >= 1),
    referrer_points                     bigint      NOT NULL CHECK (referrer_points >= 0),
    referee_points                      bigint      NOT NULL CHECK (referee_points >= 0),
    min_first_order_amount              bigint      NOT NULL CHECK (min_first_order_amount >= 0),
    max_rewards_per_referrer_per_year   integer     NOT NULL CHECK (max_rewards_per_referrer_per_year >= 0),
    updated_at                          timestamptz NOT NULL DEFAULT now()
);

INSERT INTO program (name, currency, pending_days, expiry_months, tier_window_months, gross_margin,
                     point_value, min_points, increment,
                     referrer_points, referee_points, min_first_order_amount, max_rewards_per_referrer_per_year)
VALUES ('Lojal', 'EUR', 0, NULL, 12, 0.3, 1, 100, 1, 500, 250, 0, 10);

-- Tiers, climbed by qualifying points; the rank-0 entry tier always exists, so every member has one.
CREATE TABLE tier (
    code            text          PRIMARY KEY,
    name            text          NOT NULL,
    rank            integer       NOT NULL UNIQUE CHECK (rank >= 0),
    threshold       bigint        NOT NULL CHECK (threshold >= 0),
    earn_multiplier numeric(6, 3) NOT NULL CHECK (earn_multiplier > 0),
    benefits        jsonb         NOT NULL DEFAULT '[]'
);

INSERT INTO tier (code, name, rank, threshold, earn_multiplier) VALUES ('MEMBER', 'Member', 0, 0, 1);

-- Earn rules; which columns a rule uses depends on its type (SPEND: points, per, categories, skus; MULTIPLIER: factor;
-- BONUS: points, trigger).
CREATE TABLE earn_rule (
    id          text        PRIMARY KEY,
    name        text        NOT NULL,
    type        text        NOT NULL CHECK (type IN ('SPEND', 'MULTIPLIER', 'BONUS')),
    active      boolean     NOT NULL,
    valid_from  timestamptz,
    valid_to    timestamptz,
    channels    jsonb,
    min_amount  bigint      CHECK (min_amount >= 0),
    points      bigint      CHECK (points >= 0),
    per         bigint      CHECK (per > 0),
    categories  jsonb,
    skus        jsonb,
    factor      numeric(9, 4) CHECK (factor > 0),
    trigger     text        CHECK (trigger IN ('ORDER', 'FIRST_ORDER', 'SIGNUP', 'BIRTHDAY')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Personal data lives here only, so that erasure is a single UPDATE.
CREATE TABLE member (
    id           text        PRIMARY KEY,
    external_id  text        UNIQUE,
    email        text,
    name         text,
    birth_date   date,
    status       text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    tier_code    text        NOT NULL REFERENCES tier (code),
    tier_valid_until timestamptz,
    attributes   jsonb,
    referred_by  text,
    enrolled_at  timestamptz NOT NULL,
    erased_at    timestamptz
);

CREATE INDEX member_enrolled ON member (enrolled_at DESC, id DESC);

-- Per-member counters, and the row every points-moving call locks first, so that calls on one member serialise.
-- What a member can spend is not stored: it is the sum of its lots, read at the instant asked (see lot).
CREATE TABLE member_balance (
    member_id          text   PRIMARY KEY REFERENCES member (id),
    debt               bigint NOT NULL DEFAULT 0 CHECK (debt >= 0),
    lifetime_earned    bigint NOT NULL DEFAULT 0,
    lifetime_redeemed  bigint NOT NULL DEFAULT 0
);

-- Append-only: corrections are new rows, never edits.
CREATE TABLE ledger_entry (
    id             text        PRIMARY KEY,
    member_id      text        NOT NULL REFERENCES member (id),
    type           text        NOT NULL CHECK (type IN ('EARN', 'BONUS', 'REFERRAL', 'REDEEM', 'REFUND',
                                                        'REVERSAL', 'ADJUST', 'EXPIRE', 'FORFEIT')),
    points         bigint      NOT NULL CHECK (points <> 0 OR type IN ('EARN', 'REFUND')),
    order_id       text,
    redemption_id  text,
    description    text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    created_at     timestamptz NOT NULL,
    available_at   timestamptz,
    expires_at     timestamptz
);

CREATE INDEX ledger_entry_member_created ON ledger_entry (member_id, created_at DESC, id DESC);
CREATE INDEX ledger_entry_redemption ON ledger_entry (member_id, redemption_id) WHERE redemption_id IS NOT NULL;

-- Every credit is a lot. Points are pending until available_at and gone at expires_at, so a member's available
-- points are the remaining points of its lots that are available and not expired at that instant, less its debt:
-- nothing has to run for pending points to mature or for expired points to stop counting.
CREATE TABLE lot (
    id            text        PRIMARY KEY,
    member_id     text        NOT NULL REFERENCES member (id),
    entry_id      text        NOT NULL,
    order_id      text,
    points        bigint      NOT NULL CHECK (points > 0),
    remaining     bigint      NOT NULL CHECK (remaining >= 0 AND remaining <= points),
    occurred_at   timestamptz NOT NULL,
    available_at  timestamptz NOT NULL,
    expires_at    timestamptz
);

CREATE INDEX lot_member_open ON lot (member_id, occurred_at, id) WHERE remaining > 0;
CREATE INDEX lot_expiring ON lot (expires_at) WHERE remaining > 0;

-- Which lots a debit took its points from, so that a cancelled redemption gives them back with their own expiry.
CREATE TABLE lot_use (
    entry_id   text   NOT NULL,
    lot_id     text   NOT NULL,
    member_id  text   NOT NULL,
    points     bigint NOT NULL CHECK (points > 0),
    PRIMARY KEY (entry_id, lot_id)
);

-- Once-only bonuses (FIRST_ORDER once, BIRTHDAY once a year): the key decides, also under races.
CREATE TABLE bonus_award (
    member_id  text        NOT NULL REFERENCES member (id),
    rule_id    text        NOT NULL,
    period     text        NOT NULL,
    order_id   text        NOT NULL,
    awarded_at timestamptz NOT NULL,
    PRIMARY KEY (member_id, rule_id, period)
);

-- One row per earned order: the guard against a second earn for one orderId, and what refunds claw back from.
CREATE TABLE earn_order (
    order_id          text        PRIMARY KEY,
    member_id         text        NOT NULL REFERENCES member (id),
    amount            bigint      NOT NULL CHECK (amount >= 0),
    currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    points            bigint      NOT NULL CHECK (points >= 0),
    earn_points       bigint      NOT NULL CHECK (earn_points >= 0 AND earn_points <= points),
    refunded_amount   bigint      NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
    refunded_points   bigint      NOT NULL DEFAULT 0 CHECK (refunded_points >= 0 AND refunded_points <= points),
    channel           text,
    lines             jsonb,
    occurred_at       timestamptz NOT NULL
);

CREATE INDEX earn_order_member ON earn_order (member_id, occurred_at);

-- Every tier move of a member, for its tier view.
CREATE TABLE tier_change (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id   text        NOT NULL REFERENCES member (id),
    from_code   text,
    to_code     text        NOT NULL,
    reason      text        NOT NULL CHECK (reason IN ('UPGRADE', 'DOWNGRADE', 'TIER_DELETED')),
    changed_at  timestamptz NOT NULL
);

CREATE INDEX tier_change_member ON tier_change (member_id, changed_at DESC);

CREATE TABLE redemption (
    id            text        PRIMARY KEY,
    member_id     text        NOT NULL REFERENCES member (id),
    points        bigint      NOT NULL CHECK (points > 0),
    value_amount  bigint      NOT NULL CHECK (value_amount >= 0),
    currency      text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    order_id      text,
    status        text        NOT NULL CHECK (status IN ('COMPLETED', 'CANCELLED')),
    created_at    timestamptz NOT NULL,
    cancelled_at  timestamptz
);

CREATE INDEX redemption_member ON redemption (member_id, created_at DESC);

-- Stored responses of idempotent POSTs, scoped to the caller (the token's sub).
CREATE TABLE idempotency_key (
    caller        text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer     NOT NULL,
    body          text        NOT NULL,
    location      text,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (caller, key)
);

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
