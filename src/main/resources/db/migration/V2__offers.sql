-- Exclusive offers: discounts only some members (by tier or by name) may claim, each claim a single-use code.
CREATE TABLE offer (
    id                 text        PRIMARY KEY,
    name               text        NOT NULL,
    description        text,
    discount_type      text        NOT NULL CHECK (discount_type IN ('PERCENT', 'AMOUNT')),
    discount_value     bigint      NOT NULL CHECK (discount_value > 0),
    eligible_tiers     jsonb       NOT NULL DEFAULT '[]',
    eligible_members   jsonb       NOT NULL DEFAULT '[]',
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL CHECK (ends_at > starts_at),
    early_tiers        jsonb,
    early_starts_at    timestamptz CHECK (early_starts_at < starts_at),
    per_member_limit   integer     NOT NULL CHECK (per_member_limit >= 1),
    total_limit        integer     CHECK (total_limit >= 1),
    claimed            integer     NOT NULL DEFAULT 0 CHECK (claimed >= 0 AND (total_limit IS NULL OR claimed <= total_limit)),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE INDEX offer_window ON offer (ends_at, starts_at);

-- Claims per member and offer: the guarded counter that keeps perMemberLimit under concurrency.
CREATE TABLE offer_claim_count (
    offer_id   text    NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    member_id  text    NOT NULL REFERENCES member (id),
    claims     integer NOT NULL CHECK (claims >= 1),
    PRIMARY KEY (member_id, offer_id)
);

CREATE TABLE discount_code (
    code            text        PRIMARY KEY,
    offer_id        text        NOT NULL,
    member_id       text        NOT NULL REFERENCES member (id),
    discount_type   text        NOT NULL,
    discount_value  bigint      NOT NULL,
    expires_at      timestamptz NOT NULL,
    claimed_at      timestamptz NOT NULL,
    used_at         timestamptz,
    used_order_id   text,
    used_amount     bigint
);

CREATE INDEX discount_code_member ON discount_code (member_id, claimed_at DESC);
