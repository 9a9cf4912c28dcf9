-- Core tables of the archive. Instants are TIMESTAMPTZ; text is stored as published (NFC).

-- One row per fetch attempt of an article URL, loaded from the crawl's capture index.
-- A successful fetch points at its WARC record (the archive of record); a failed one keeps the error.
CREATE TABLE IF NOT EXISTS crawl_log (
    capture_id   VARCHAR PRIMARY KEY,      -- "<run_id>:<sequence>"
    run_id       VARCHAR NOT NULL,
    url          VARCHAR NOT NULL,         -- URL requested
    final_url    VARCHAR,                  -- URL after redirects
    post_id      BIGINT,
    status       INTEGER,                  -- HTTP status; NULL when no response came
    source       VARCHAR,                  -- how the URL was found: sitemap, rss, category
    lastmod      TIMESTAMPTZ,              -- the sitemap's lastmod when the URL came from one
    fetched_at   TIMESTAMPTZ NOT NULL,
    warc_file    VARCHAR,                  -- relative to the data directory
    warc_offset  BIGINT,
    warc_length  BIGINT,
    sha256       VARCHAR,                  -- of the response body
    bytes        BIGINT,
    error        VARCHAR                   -- one line, when the fetch failed
);

CREATE TABLE IF NOT EXISTS articles (
    post_id       BIGINT PRIMARY KEY,      -- the numeric id of "-post<ID>.html": the article's identity
    url           VARCHAR NOT NULL,        -- canonical URL as published
    title         VARCHAR NOT NULL,
    sapo          VARCHAR,
    body          VARCHAR,
    author        VARCHAR,
    published_at  TIMESTAMPTZ,
    modified_at   TIMESTAMPTZ,
    category      VARCHAR,                 -- category path, e.g. "kinh-te/thi-truong"
    category_name VARCHAR,
    tags          VARCHAR[],
    images        STRUCT(url VARCHAR, caption VARCHAR)[],
    word_count    INTEGER,
    method        VARCHAR,                 -- "platform" rules or trafilatura "fallback"
    content_hash  VARCHAR,                 -- sha256 of the normalised title + body
    capture_id    VARCHAR                  -- the crawl_log row this version was extracted from
);

-- Other articles listed on an article's page ("Có thể bạn quan tâm", "Tin cùng chuyên mục", ...):
-- kept as links, never as text of the article.
CREATE TABLE IF NOT EXISTS related_items (
    post_id         BIGINT NOT NULL,
    block           VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    related_post_id BIGINT,
    title           VARCHAR,
    url             VARCHAR,
    PRIMARY KEY (post_id, block, position)
);

-- Captures that were fetched but could not be extracted (not an article, broken page, ...).
CREATE TABLE IF NOT EXISTS extraction_errors (
    capture_id VARCHAR PRIMARY KEY,
    post_id    BIGINT,
    error      VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS topics (
    topic_id  VARCHAR PRIMARY KEY,         -- the site's category path: stable and citable
    slug      VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    parent_id VARCHAR,
    zone_id   VARCHAR,
    sponsored BOOLEAN NOT NULL DEFAULT false,
    source    VARCHAR
);

CREATE TABLE IF NOT EXISTS article_topics (
    post_id  BIGINT NOT NULL,
    topic_id VARCHAR NOT NULL,
    PRIMARY KEY (post_id, topic_id)
);

CREATE TABLE IF NOT EXISTS localities (
    locality_id        VARCHAR PRIMARY KEY,  -- "LC25-<GSO code>" since 2025-07-01, "OLD-<code>" before
    name               VARCHAR NOT NULL,
    kind               VARCHAR NOT NULL,     -- tinh, thanh_pho, thi_xa, huyen, xa, phuong
    parent_id          VARCHAR,
    former_province    VARCHAR,
    valid_from         DATE,
    valid_to           DATE,
    gso_code           VARCHAR,
    site_dia_phuong_id VARCHAR,
    aliases            VARCHAR[],
    source             VARCHAR
);

CREATE TABLE IF NOT EXISTS article_localities (
    post_id      BIGINT NOT NULL,
    locality_id  VARCHAR NOT NULL,
    mentions     INTEGER NOT NULL,         -- how often the unit is named in title + sapo + body
    first_field  VARCHAR NOT NULL,         -- where it is first named: title, sapo or body
    first_offset INTEGER NOT NULL,         -- character offset of that first mention in the field
    PRIMARY KEY (post_id, locality_id)
);
