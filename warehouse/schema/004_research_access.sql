-- Issue 7: full-text search. The BM25 index (DuckDB's fts extension, schema
-- fts_main_search_documents) is built over this match form, never over the stored text: lower
-- case, one tone placement ("hoà" = "hòa"), words one space apart. Searches without diacritics
-- go through the index's folded terms. The pipeline keeps this table in step with articles.
CREATE TABLE IF NOT EXISTS search_documents (
    post_id      BIGINT PRIMARY KEY,
    content_hash VARCHAR NOT NULL,   -- the articles row it was made from
    exact        VARCHAR NOT NULL    -- title, sapo and body in match form
);

-- When the index was last built, and over which state of search_documents.
CREATE TABLE IF NOT EXISTS search_index_state (
    id          INTEGER PRIMARY KEY DEFAULT 1,
    fingerprint VARCHAR NOT NULL,    -- changes whenever a document is added, changed or removed
    documents   BIGINT NOT NULL,
    built_at    TIMESTAMPTZ NOT NULL
);

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
