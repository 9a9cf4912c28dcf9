-- Issue 8: when a re-crawled page's normalised title or body changed, the version it replaces
-- is kept here; articles holds the newest. An unchanged page records nothing.
CREATE TABLE IF NOT EXISTS article_revisions (
    post_id           BIGINT NOT NULL,
    content_hash      VARCHAR NOT NULL,   -- of this superseded version
    title             VARCHAR NOT NULL,
    sapo              VARCHAR,
    body              VARCHAR,
    author            VARCHAR,
    published_at      TIMESTAMPTZ,
    modified_at       TIMESTAMPTZ,        -- as this version declared it
    capture_id        VARCHAR NOT NULL,   -- the crawl_log row this version was extracted from
    superseded_by     VARCHAR NOT NULL,   -- the capture of the version that replaced it
    extractor_version VARCHAR,
    PRIMARY KEY (post_id, content_hash)
);
