-- Issue 9: which version of each article the locality matcher has read, and with which
-- matcher (its code and gazetteer): a run matches only new or changed articles.
CREATE TABLE IF NOT EXISTS locality_matches (
    post_id      BIGINT PRIMARY KEY,
    content_hash VARCHAR NOT NULL,   -- articles.content_hash when it was matched
    matcher      VARCHAR NOT NULL    -- fingerprint of the matcher's code and gazetteer
);
