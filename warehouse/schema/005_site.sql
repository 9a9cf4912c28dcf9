-- Identity is (site, post_id): post ids collide across papers. Every table keyed by post id,
-- and the crawl log, gains the site (a profile id of foundation/sites). Rows made before hold
-- the one site an archive had then: baolaocai. The views and macros join on both columns;
-- the macros take a site filter as their last argument (NULL: every site), so a call written
-- for the four arguments before still works.
ALTER TABLE crawl_log ADD COLUMN site VARCHAR DEFAULT 'baolaocai';
ALTER TABLE articles ADD COLUMN site VARCHAR DEFAULT 'baolaocai';
ALTER TABLE related_items ADD COLUMN site VARCHAR DEFAULT 'baolaocai';
ALTER TABLE article_topics ADD COLUMN site VARCHAR DEFAULT 'baolaocai';
ALTER TABLE article_localities ADD COLUMN site VARCHAR DEFAULT 'baolaocai';
ALTER TABLE article_tags ADD COLUMN site VARCHAR DEFAULT 'baolaocai';
ALTER TABLE article_revisions ADD COLUMN site VARCHAR DEFAULT 'baolaocai';
ALTER TABLE locality_matches ADD COLUMN site VARCHAR DEFAULT 'baolaocai';
ALTER TABLE search_documents ADD COLUMN site VARCHAR DEFAULT 'baolaocai';

CREATE OR REPLACE VIEW articles_by_topic AS
SELECT a.site, t.topic_id, t.name AS topic, t.sponsored,
       date_trunc('month', timezone('Asia/Ho_Chi_Minh', a.published_at))::DATE AS month,
       count(*) AS articles
FROM article_topics x
JOIN topics t USING (topic_id)
JOIN articles a USING (site, post_id)
GROUP BY ALL;

CREATE OR REPLACE VIEW articles_by_locality AS
SELECT a.site, l.locality_id, l.name AS locality, l.kind,
       date_trunc('month', timezone('Asia/Ho_Chi_Minh', a.published_at))::DATE AS month,
       count(*) AS articles,
       count(*) FILTER (WHERE x.is_focus) AS focus_articles
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN articles a USING (site, post_id)
GROUP BY ALL;

CREATE OR REPLACE VIEW locality_topic_matrix AS
SELECT x.site, l.locality_id, l.name AS locality, t.topic_id, t.name AS topic,
       count(*) AS articles
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN article_topics y ON y.site = x.site AND y.post_id = x.post_id AND y.is_primary
JOIN topics t ON t.topic_id = y.topic_id
WHERE x.is_focus AND NOT t.sponsored
GROUP BY ALL;

-- The articles (site, post_id) passing a researcher's filters; a NULL argument means "no
-- filter". Search, the Python API and exports all filter through it, with every value bound
-- as a parameter. since_/until_ are instants: the first day's start and the day after the
-- last, in local time.
CREATE OR REPLACE MACRO filtered_post_ids(topic_, locality_, since_, until_, site_ := NULL::VARCHAR) AS TABLE
SELECT a.site, a.post_id
FROM articles a
WHERE (site_ IS NULL OR a.site = site_)
  AND (topic_ IS NULL OR (a.site, a.post_id) IN (
          SELECT (x.site, x.post_id) FROM article_topics x WHERE x.topic_id = topic_))
  AND (locality_ IS NULL OR (a.site, a.post_id) IN (
          SELECT (y.site, y.post_id) FROM article_localities y WHERE y.locality_id = locality_))
  AND (since_ IS NULL OR a.published_at >= since_)
  AND (until_ IS NULL OR a.published_at < until_);

-- One row per article passing the filters (arguments as for filtered_post_ids), with its
-- topics and localities: what the Python API returns and what exports hold. `section` is the
-- top of the category path (the export's topic partition); year and month are of publication
-- in the paper's zone.
CREATE OR REPLACE MACRO article_records(topic_, locality_, since_, until_, site_ := NULL::VARCHAR) AS TABLE
WITH chosen AS (
    SELECT site, post_id FROM filtered_post_ids(topic_, locality_, since_, until_, site_ := site_)
),
topic_lists AS (
    SELECT site, post_id, list(topic_id ORDER BY topic_id) AS topics
    FROM article_topics JOIN chosen USING (site, post_id)
    GROUP BY site, post_id
),
locality_lists AS (
    SELECT site, post_id,
           list(locality_id ORDER BY locality_id) AS localities,
           min(locality_id) FILTER (WHERE is_focus) AS focus_locality
    FROM article_localities JOIN chosen USING (site, post_id)
    GROUP BY site, post_id
)
SELECT
    a.site,
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
JOIN chosen USING (site, post_id)
LEFT JOIN topic_lists t USING (site, post_id)
LEFT JOIN locality_lists l USING (site, post_id);
