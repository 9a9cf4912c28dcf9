-- Across the 2025 reform. The gazetteer gains the 319 former communes, wards and towns
-- ("OLD-<code>", kind xa, phuong or thi_tran, valid until 2025-06-30), each with the one unit
-- of today that took it over (successor_id; no former commune was split), and today's units a
-- point for a map. A pre-reform article's mention of a former commune stays that commune's id
-- in article_localities (what the paper wrote); article_localities_today reads it as today.
ALTER TABLE localities ADD COLUMN successor_id VARCHAR;
ALTER TABLE localities ADD COLUMN lat DOUBLE;
ALTER TABLE localities ADD COLUMN lon DOUBLE;

-- For every mention, today's unit or units: the unit itself when it is one of today's
-- (via 'self'), a former commune's or province's successor ('successor'), or for a former
-- district, town or city the units formed from its communes ('district'). named_id is the
-- unit the article named. A mention gives one row per unit of today: an article naming a
-- former district and one of its communes has both routes to that commune's successor.
CREATE OR REPLACE VIEW article_localities_today AS
SELECT x.site, x.post_id, l.locality_id, 'self' AS via, x.locality_id AS named_id
FROM article_localities x
JOIN localities l USING (locality_id)
WHERE l.valid_to IS NULL
UNION ALL
SELECT x.site, x.post_id, l.successor_id, 'successor', x.locality_id
FROM article_localities x
JOIN localities l USING (locality_id)
WHERE l.valid_to IS NOT NULL AND l.successor_id IS NOT NULL
UNION ALL
SELECT DISTINCT x.site, x.post_id, c.successor_id, 'district', x.locality_id
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN localities c ON c.parent_id = l.locality_id
WHERE l.kind IN ('huyen', 'thi_xa', 'thanh_pho') AND l.valid_to IS NOT NULL
  AND c.successor_id IS NOT NULL;

-- The units of today a unit is, or went into: itself if it is one of today's, a former
-- commune's successor, the units formed from a former district's communes.
CREATE OR REPLACE MACRO today_units(locality_) AS TABLE
SELECT locality_id FROM localities WHERE locality_id = locality_ AND valid_to IS NULL
UNION
SELECT successor_id FROM localities WHERE locality_id = locality_ AND successor_id IS NOT NULL
UNION
SELECT successor_id FROM localities
WHERE parent_id = locality_ AND valid_to IS NOT NULL AND successor_id IS NOT NULL;

-- The filters of schema 005 and across_reform_. site_ defaults to '' (no filter, as NULL is):
-- a typed NULL default of a macro stored in a DuckLake comes back as the string 'NULL' when the
-- lake is attached again (duckdb/ducklake#1116, #1211), so schema 005's `site_ := NULL` made a
-- call without site_ find no article. with it, a locality is the area it is today
-- across the reform: the articles naming any of its units of today (today_units) or any
-- former commune or province that went into them. Without it, as before: the articles naming
-- the unit itself.
CREATE OR REPLACE MACRO filtered_post_ids(topic_, locality_, since_, until_, site_ := '', across_reform_ := false) AS TABLE
SELECT a.site, a.post_id
FROM articles a
WHERE (site_ IS NULL OR site_ = '' OR a.site = site_)
  AND (topic_ IS NULL OR (a.site, a.post_id) IN (
          SELECT (x.site, x.post_id) FROM article_topics x WHERE x.topic_id = topic_))
  AND (locality_ IS NULL OR (a.site, a.post_id) IN (
          SELECT (y.site, y.post_id) FROM article_localities y WHERE y.locality_id = locality_
          UNION ALL
          SELECT (t.site, t.post_id) FROM article_localities_today t
          WHERE across_reform_ AND t.via IN ('self', 'successor')
            AND t.locality_id IN (SELECT locality_id FROM today_units(locality_))))
  AND (since_ IS NULL OR a.published_at >= since_)
  AND (until_ IS NULL OR a.published_at < until_);

-- article_records as in 005, with across_reform_ and each article's units of today.
CREATE OR REPLACE MACRO article_records(topic_, locality_, since_, until_, site_ := '', across_reform_ := false) AS TABLE
WITH chosen AS (
    SELECT site, post_id
    FROM filtered_post_ids(topic_, locality_, since_, until_, site_ := site_,
                           across_reform_ := across_reform_)
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
),
today_lists AS (
    SELECT site, post_id, list(DISTINCT locality_id ORDER BY locality_id) AS localities_today
    FROM article_localities_today JOIN chosen USING (site, post_id)
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
    coalesce(d.localities_today, []) AS localities_today,
    a.tags, a.word_count, a.layout, a.content_hash, a.extractor_version
FROM articles a
JOIN chosen USING (site, post_id)
LEFT JOIN topic_lists t USING (site, post_id)
LEFT JOIN locality_lists l USING (site, post_id)
LEFT JOIN today_lists d USING (site, post_id);
