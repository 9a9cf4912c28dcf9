-- Issue 5: topics along the whole category path, tags, and locality evidence with a focus.

-- The evidence behind a locality row: the text as published at the first mention, whether the
-- name came with its kind word ("xã Bát Xát") or bare ("Bát Xát"), and the article's focus.
ALTER TABLE article_localities ADD COLUMN IF NOT EXISTS evidence VARCHAR;
ALTER TABLE article_localities ADD COLUMN IF NOT EXISTS kind_word BOOLEAN;
ALTER TABLE article_localities ADD COLUMN IF NOT EXISTS is_focus BOOLEAN DEFAULT false;

-- An article belongs to its category and to every ancestor of it; is_primary marks its own.
ALTER TABLE article_topics ADD COLUMN IF NOT EXISTS is_primary BOOLEAN DEFAULT true;

CREATE TABLE IF NOT EXISTS tags (
    tag_id VARCHAR PRIMARY KEY,   -- the tag in lower case NFC: one id however it is cased
    name   VARCHAR NOT NULL       -- as the site first wrote it
);

CREATE TABLE IF NOT EXISTS article_tags (
    post_id  BIGINT NOT NULL,
    tag_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL,    -- the tag's place in the article's tag list
    PRIMARY KEY (post_id, tag_id)
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
