-- The archive's tables, views and macros, in the DuckLake. Instants are TIMESTAMPTZ; text is
-- stored as published (NFC). DuckLake has no PRIMARY KEY or UNIQUE: each table's key is
-- written beside it, kept by the loaders (MERGE) and watched by asset checks
-- (pipeline/checks.py). This file folds the DuckDB file's migrations 001-009 into one; an
-- archive.duckdb made by them moves in with `baoarchive move-to-lake`.

-- One row per fetch attempt of an article URL, loaded from the crawl's capture index.
-- A successful fetch points at its WARC record (the archive of record); a failed one keeps
-- the error. Key: capture_id.
CREATE TABLE IF NOT EXISTS crawl_log (
    capture_id   VARCHAR NOT NULL,         -- "<run_id>:<sequence>"
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

-- One row per post: its newest version. Key: post_id.
CREATE TABLE IF NOT EXISTS articles (
    post_id           BIGINT NOT NULL,     -- the numeric id of "-post<ID>.html": the identity
    url               VARCHAR NOT NULL,    -- canonical URL as published
    title             VARCHAR NOT NULL,
    sapo              VARCHAR,
    body              VARCHAR,
    author            VARCHAR,
    published_at      TIMESTAMPTZ,
    modified_at       TIMESTAMPTZ,
    category          VARCHAR,             -- category path, e.g. "kinh-te/thi-truong"
    category_name     VARCHAR,
    tags              VARCHAR[],
    images            STRUCT(url VARCHAR, caption VARCHAR)[],
    word_count        INTEGER,
    method            VARCHAR,             -- "platform" rules or trafilatura "fallback"
    content_hash      VARCHAR,             -- sha256 of the normalised title + body
    capture_id        VARCHAR,             -- the crawl_log row this version was extracted from
    body_markdown     VARCHAR,             -- the body with headings, lists and quotes marked up
    authors           VARCHAR[],           -- the byline split into names
    layout            VARCHAR,             -- page template: normal, emagazine, photo, video
    extractor_version VARCHAR              -- the extraction stage's version (foundation/versions.py)
);

-- Other articles listed on an article's page ("Có thể bạn quan tâm", "Tin cùng chuyên mục",
-- ...): kept as links, never as text of the article. Key: (post_id, block, position).
CREATE TABLE IF NOT EXISTS related_items (
    post_id         BIGINT NOT NULL,
    block           VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    related_post_id BIGINT,
    title           VARCHAR,
    url             VARCHAR
);

-- Captures that were fetched but could not be extracted. Key: capture_id.
CREATE TABLE IF NOT EXISTS extraction_errors (
    capture_id VARCHAR NOT NULL,
    post_id    BIGINT,
    error      VARCHAR NOT NULL
);

-- The site's categories. Key: topic_id (the category path: stable and citable).
CREATE TABLE IF NOT EXISTS topics (
    topic_id  VARCHAR NOT NULL,
    slug      VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    parent_id VARCHAR,
    zone_id   VARCHAR,
    sponsored BOOLEAN NOT NULL,
    source    VARCHAR
);

-- An article belongs to its category and to every ancestor of it; is_primary marks its own.
-- Key: (post_id, topic_id).
CREATE TABLE IF NOT EXISTS article_topics (
    post_id    BIGINT NOT NULL,
    topic_id   VARCHAR NOT NULL,
    is_primary BOOLEAN
);

-- The gazetteer. Key: locality_id ("LC25-<GSO code>" since 2025-07-01, "OLD-<code>" before).
CREATE TABLE IF NOT EXISTS localities (
    locality_id        VARCHAR NOT NULL,
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

-- The units each article names, with the evidence of the first mention and the article's
-- focus. Key: (post_id, locality_id).
CREATE TABLE IF NOT EXISTS article_localities (
    post_id      BIGINT NOT NULL,
    locality_id  VARCHAR NOT NULL,
    mentions     INTEGER NOT NULL,         -- how often the unit is named in title + sapo + body
    first_field  VARCHAR NOT NULL,         -- where it is first named: title, sapo or body
    first_offset INTEGER NOT NULL,         -- character offset of that first mention
    evidence     VARCHAR,                  -- the text as published at the first mention
    kind_word    BOOLEAN,                  -- named with its kind word ("xã Bát Xát")
    is_focus     BOOLEAN                   -- the one unit the article is about
);

-- Key: tag_id (the tag in lower case NFC: one id however it is cased).
CREATE TABLE IF NOT EXISTS tags (
    tag_id VARCHAR NOT NULL,
    name   VARCHAR NOT NULL               -- as the site first wrote it
);

-- Key: (post_id, tag_id).
CREATE TABLE IF NOT EXISTS article_tags (
    post_id  BIGINT NOT NULL,
    tag_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL             -- the tag's place in the article's tag list
);

-- When a re-crawled page's normalised title or body changed, the version it replaces is kept
-- here; articles holds the newest. Key: (post_id, content_hash).
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
    extractor_version VARCHAR
);

-- Every record in the WARC files (requests, responses, capture entries), read from the files
-- themselves, so any fetch can be found and replayed. Key: (warc_file, offset).
CREATE TABLE IF NOT EXISTS warc_records (
    warc_file    VARCHAR NOT NULL,     -- relative to the data directory
    "offset"     BIGINT NOT NULL,      -- where the record's gzip member starts
    length       BIGINT NOT NULL,      -- bytes of the member in the file
    record_type  VARCHAR NOT NULL,     -- request, response, metadata
    record_id    VARCHAR NOT NULL,     -- WARC-Record-ID
    url          VARCHAR,              -- WARC-Target-URI
    post_id      BIGINT,               -- from the URL, for article pages
    status       INTEGER,              -- HTTP status of a response
    content_type VARCHAR,              -- of the HTTP payload (or of the record, for metadata)
    sha256       VARCHAR,              -- of the payload as stored
    fetched_at   TIMESTAMPTZ NOT NULL  -- WARC-Date
);

-- How far each WARC file has been indexed: a file still being written is read on from there.
-- Key: warc_file.
CREATE TABLE IF NOT EXISTS warc_files (
    warc_file     VARCHAR NOT NULL,
    indexed_bytes BIGINT NOT NULL
);

-- Which version of each article the locality matcher has read, and with which matcher
-- version: a run matches only new or changed articles. Key: post_id.
CREATE TABLE IF NOT EXISTS locality_matches (
    post_id      BIGINT NOT NULL,
    content_hash VARCHAR NOT NULL,   -- articles.content_hash when it was matched
    matcher      VARCHAR NOT NULL    -- the matcher's version
);

-- The text the search index (tantivy, in lake/search) is built over, in match form (lower
-- case, one tone placement, words one space apart, " · " where a sentence ends), never shown.
-- Key: post_id.
CREATE TABLE IF NOT EXISTS search_documents (
    post_id      BIGINT NOT NULL,
    content_hash VARCHAR NOT NULL,   -- the articles row it was made from
    exact        VARCHAR NOT NULL,   -- title, sapo and body in match form
    version      VARCHAR             -- the document maker's version
);

-- Articles per topic and month (Asia/Ho_Chi_Minh); sponsored topics are kept apart by flag.
CREATE OR REPLACE VIEW articles_by_topic AS
SELECT t.topic_id, t.name AS topic, t.sponsored,
       date_trunc('month', timezone('Asia/Ho_Chi_Minh', a.published_at))::DATE AS month,
       count(*) AS articles
FROM article_topics x
JOIN topics t USING (topic_id)
JOIN articles a USING (post_id)
GROUP BY ALL;

-- Articles per locality and month: every article naming the unit, and those about it.
CREATE OR REPLACE VIEW articles_by_locality AS
SELECT l.locality_id, l.name AS locality, l.kind,
       date_trunc('month', timezone('Asia/Ho_Chi_Minh', a.published_at))::DATE AS month,
       count(*) AS articles,
       count(*) FILTER (WHERE x.is_focus) AS focus_articles
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN articles a USING (post_id)
GROUP BY ALL;

-- Locality x topic: articles about a unit (its focus) by the article's own category;
-- sponsored content is left out.
CREATE OR REPLACE VIEW locality_topic_matrix AS
SELECT l.locality_id, l.name AS locality, t.topic_id, t.name AS topic, count(*) AS articles
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN article_topics y ON y.post_id = x.post_id AND y.is_primary
JOIN topics t ON t.topic_id = y.topic_id
WHERE x.is_focus AND NOT t.sponsored
GROUP BY ALL;

-- The post ids passing a researcher's filters; a NULL argument means "no filter". Search, the
-- Python API and exports all filter through it, with every value bound as a parameter.
-- since_/until_ are instants: the first day's start and the day after the last, in local time.
CREATE OR REPLACE MACRO filtered_post_ids(topic_, locality_, since_, until_) AS TABLE
SELECT a.post_id
FROM articles a
WHERE (topic_ IS NULL OR a.post_id IN (
          SELECT x.post_id FROM article_topics x WHERE x.topic_id = topic_))
  AND (locality_ IS NULL OR a.post_id IN (
          SELECT y.post_id FROM article_localities y WHERE y.locality_id = locality_))
  AND (since_ IS NULL OR a.published_at >= since_)
  AND (until_ IS NULL OR a.published_at < until_);

-- One row per article passing the filters (arguments as for filtered_post_ids), with its
-- topics and localities: what the Python API returns and what exports hold. `section` is the top of the category path (the export's
-- topic partition); year and month are of publication in the paper's zone.
CREATE OR REPLACE MACRO article_records(topic_, locality_, since_, until_) AS TABLE
WITH chosen AS (
    SELECT post_id FROM filtered_post_ids(topic_, locality_, since_, until_)
),
topic_lists AS (
    SELECT post_id, list(topic_id ORDER BY topic_id) AS topics
    FROM article_topics WHERE post_id IN (SELECT post_id FROM chosen)
    GROUP BY post_id
),
locality_lists AS (
    SELECT post_id,
           list(locality_id ORDER BY locality_id) AS localities,
           min(locality_id) FILTER (WHERE is_focus) AS focus_locality
    FROM article_localities WHERE post_id IN (SELECT post_id FROM chosen)
    GROUP BY post_id
)
SELECT
    coalesce(nullif(split_part(a.category, '/', 1), ''), 'none') AS section,
    year(timezone('Asia/Ho_Chi_Minh', a.published_at))::INTEGER AS year,
    month(timezone('Asia/Ho_Chi_Minh', a.published_at))::INTEGER AS month,
    a.post_id, a.url, a.title, a.sapo, a.body, a.author, a.authors,
    a.published_at, a.modified_at,
    a.category AS topic_id, a.category_name AS topic_name,
    coalesce(t.topics, []) AS topics,
    coalesce(l.localities, []) AS localities, l.focus_locality,
    a.tags, a.word_count, a.layout, a.content_hash, a.extractor_version
FROM articles a
JOIN chosen USING (post_id)
LEFT JOIN topic_lists t USING (post_id)
LEFT JOIN locality_lists l USING (post_id);
