-- The outbox: every partnership offer, stored in the same transaction that queues it, delivered by a
-- background worker. An offer caught mid-delivery by a crash is never re-sent blindly: on restart it
-- becomes 'needs_check' for the seller (or the channel's API) to settle.

CREATE TABLE offers (
    id               INTEGER PRIMARY KEY,
    idempotency_key  TEXT    NOT NULL UNIQUE,   -- also sent to channels that accept one
    campaign_id      INTEGER NOT NULL REFERENCES campaigns (id),
    creator_id       INTEGER NOT NULL REFERENCES creators (id),
    channel          TEXT    NOT NULL CHECK (channel IN ('tiktok', 'email', 'manual')),
    terms            TEXT    NOT NULL,          -- JSON OfferTerms
    recipient        TEXT,                      -- e-mail address or creator open id
    subject          TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'needs_check', 'cancelled')),
    retryable        INTEGER NOT NULL DEFAULT 0, -- for 'failed': may be tried again
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_error       TEXT,
    external_id      TEXT,                      -- the channel's id (collaboration id, Message-ID)
    resend_of        INTEGER REFERENCES offers (id),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    sent_at          TEXT
);
-- One offer per creator and campaign, unless the seller explicitly re-sends (resend_of set).
CREATE UNIQUE INDEX offers_once ON offers (campaign_id, creator_id) WHERE resend_of IS NULL;
CREATE INDEX offers_due ON offers (state, next_attempt_at);

-- Creators and addresses never to contact, honoured by every channel.
CREATE TABLE suppressions (
    id          INTEGER PRIMARY KEY,
    creator_id  INTEGER REFERENCES creators (id) ON DELETE CASCADE,
    email       TEXT,                           -- lower case
    reason      TEXT    NOT NULL,               -- "opted out", "do not contact", …
    added_at    TEXT    NOT NULL,
    CHECK (creator_id IS NOT NULL OR email IS NOT NULL)
);
CREATE UNIQUE INDEX suppressions_creator ON suppressions (creator_id) WHERE creator_id IS NOT NULL;
CREATE UNIQUE INDEX suppressions_email ON suppressions (email) WHERE email IS NOT NULL;
