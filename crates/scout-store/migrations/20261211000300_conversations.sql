-- Conversations with creators through TikTok Shop (issue 19, decision 0026), as polling saw them, keyed
-- by TikTok's conversation id, and their messages, keyed by TikTok's message id (never stored twice
-- across polls). TikTok's conversation list carries no creator open id (decision 0022): a conversation
-- Scout opened keeps the open id it was opened with, one a creator started is linked to the workspace's
-- creator by username.
CREATE TABLE conversations (
    conversation_id  TEXT PRIMARY KEY,            -- TikTok's id
    creator_open_id  TEXT,                        -- known when Scout opened it
    username         TEXT,                        -- the creator's TikTok username, as TikTok writes it
    creator_im_id    TEXT,                        -- the creator's sender_id: tells their messages from the shop's
    creator_id       INTEGER REFERENCES creators (id) ON DELETE SET NULL,
    unread           INTEGER NOT NULL DEFAULT 0,  -- messages the shop has not read, as TikTok last said
    last_message_at  TEXT,                        -- the newest stored message's time, RFC 3339 UTC
    first_seen_at    TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX conversations_creator ON conversations (creator_id) WHERE creator_id IS NOT NULL;
CREATE INDEX conversations_recent ON conversations (last_message_at DESC, conversation_id);

CREATE TABLE conversation_messages (
    message_id         TEXT PRIMARY KEY,          -- TikTok's id
    conversation_id    TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
    from_creator       INTEGER NOT NULL,          -- 1: the creator wrote it; 0: the shop (Scout or Seller Center)
    kind               TEXT NOT NULL,             -- TikTok's msg_type: TEXT, TARGET_COLLABORATION_CARD, …
    text               TEXT,                      -- the words, when the content has some
    content            TEXT NOT NULL,             -- the content's JSON as TikTok sent it
    conversation_index INTEGER,                   -- TikTok's order in the conversation: higher = newer
    sent_at            TEXT,                      -- TikTok's time, else Scout's when it sent it
    stored_at          TEXT NOT NULL
);
CREATE INDEX conversation_messages_order ON conversation_messages (conversation_id, sent_at, conversation_index);
