-- Campaigns, their shortlists, the outcomes of past collaborations the match model learns from, and the
-- models learned from them. Money is integer minor units + ISO currency; times are UTC RFC 3339 text.

CREATE TABLE campaigns (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    spec        TEXT    NOT NULL,               -- JSON CampaignSpec (validated by the domain before storing)
    simulated   INTEGER NOT NULL DEFAULT 0,     -- 1 for campaigns the simulator made up
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE TABLE shortlist (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    creator_id  INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    note        TEXT    NOT NULL DEFAULT '',
    tags        TEXT    NOT NULL DEFAULT '[]',  -- JSON array of strings
    added_at    TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, creator_id)
) WITHOUT ROWID;

-- What happened when the seller worked with a creator on a campaign: one row per (campaign, creator).
CREATE TABLE collaboration_outcomes (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    creator_id  INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    invited_on  TEXT    NOT NULL,
    replied     INTEGER NOT NULL CHECK (replied IN (0, 1)),
    accepted    INTEGER NOT NULL CHECK (accepted IN (0, 1)),
    posted      INTEGER NOT NULL CHECK (posted IN (0, 1)),
    gmv_minor   INTEGER NOT NULL DEFAULT 0,
    cost_minor  INTEGER NOT NULL DEFAULT 0,     -- commission + flat fee + sample cost
    currency    TEXT    NOT NULL,
    source      TEXT    NOT NULL CHECK (source IN ('simulated', 'imported', 'pipeline')),
    UNIQUE (campaign_id, creator_id)
);
CREATE INDEX collaboration_outcomes_creator ON collaboration_outcomes (creator_id, invited_on);

-- Models learned from the outcomes, with how they and the default model did on held-out history.
CREATE TABLE match_models (
    id          INTEGER PRIMARY KEY,
    version     TEXT    NOT NULL UNIQUE,
    model       TEXT    NOT NULL,               -- JSON ModelFile
    evaluation  TEXT    NOT NULL,               -- JSON ModelEvaluation
    simulated   INTEGER NOT NULL,               -- 1 when any training outcome was simulated
    trained_at  TEXT    NOT NULL
);

-- Every switch of the model in use; the newest row wins. model_id NULL = the default model.
CREATE TABLE model_adoptions (
    id          INTEGER PRIMARY KEY,
    model_id    INTEGER REFERENCES match_models (id),
    adopted_at  TEXT    NOT NULL
);
