-- The requester's posts in the last 30 days as TikTok showed them with the request (`content_count`),
-- first seen: with the 30-day GMV, what one post sells when the seller has no history of their own
-- (decision 0025).
ALTER TABLE sample_history ADD COLUMN posts_30d INTEGER;
