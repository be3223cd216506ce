-- The outbox for single TikTok Shop calls that change something on the seller's behalf (issue 19):
-- sample reviews now, messages next. Like `offers`, a row is claimed (`sending`) before the call, so a
-- crash never repeats it: a row left `sending` becomes `needs_check` and is checked against TikTok Shop
-- (did the review land, did the message arrive) before it is sent again or settled.
CREATE TABLE tiktok_actions (
    id               INTEGER PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,          -- sample_review, message
    creator_id       INTEGER REFERENCES creators (id) ON DELETE SET NULL,
    target           TEXT NOT NULL,          -- what the call is about: an application id, a creator open id
    payload          TEXT NOT NULL,          -- JSON, the kind's own shape
    contacts_creator INTEGER NOT NULL,       -- 0/1: reaches the creator (a message, an approval)
    state            TEXT NOT NULL DEFAULT 'queued', -- queued, sending, done, failed, needs_check, cancelled
    retryable        INTEGER NOT NULL DEFAULT 0,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    next_attempt_at  TEXT,
    result           TEXT,                   -- what TikTok Shop answered (e.g. a message id), JSON
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    done_at          TEXT
);
CREATE INDEX tiktok_actions_due ON tiktok_actions (state, next_attempt_at, id);
CREATE INDEX tiktok_actions_target ON tiktok_actions (kind, target);

-- Every decision on a sample request, by hand or by the rule, with its reason and the numbers it saw.
-- A request has at most one live decision (its review queued, on its way or done); a decision whose
-- review failed or was cancelled stays on record and another may follow.
CREATE TABLE sample_decisions (
    id              INTEGER PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES sample_requests (application_id),
    decision        TEXT NOT NULL,           -- approve, reject
    reject_reason   TEXT,                    -- TikTok's word: NOT_MATCH, OFFLINE, OUT_OF_STOCK, OTHER
    decided_by      TEXT NOT NULL,           -- seller, rule
    reason          TEXT NOT NULL,           -- the seller's note or the rule's reason, in words
    seen            TEXT NOT NULL,           -- JSON: the numbers the decision saw
    action_id       INTEGER NOT NULL REFERENCES tiktok_actions (id),
    decided_at      TEXT NOT NULL
);
CREATE INDEX sample_decisions_request ON sample_decisions (application_id, id);
CREATE INDEX sample_decisions_day ON sample_decisions (decided_by, decided_at);
