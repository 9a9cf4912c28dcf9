-- Topics are a site's own: two papers' categories with the same path ("kinh-te") are two
-- topics, and the key of topics becomes (site, topic_id). Rows made before hold the one
-- taxonomy an archive had then: baolaocai's. The views join topics on both columns; the
-- macros' topic filter needs no change, as article_topics carries the site already: with
-- site_ it is that paper's topic, without it the topic id on any paper.
ALTER TABLE topics ADD COLUMN site VARCHAR DEFAULT 'baolaocai';

CREATE OR REPLACE VIEW articles_by_topic AS
SELECT a.site, t.topic_id, t.name AS topic, t.sponsored,
       date_trunc('month', timezone('Asia/Ho_Chi_Minh', a.published_at))::DATE AS month,
       count(*) AS articles
FROM article_topics x
JOIN topics t USING (site, topic_id)
JOIN articles a USING (site, post_id)
GROUP BY ALL;

CREATE OR REPLACE VIEW locality_topic_matrix AS
SELECT x.site, l.locality_id, l.name AS locality, t.topic_id, t.name AS topic,
       count(*) AS articles
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN article_topics y ON y.site = x.site AND y.post_id = x.post_id AND y.is_primary
JOIN topics t ON t.site = y.site AND t.topic_id = y.topic_id
WHERE x.is_focus AND NOT t.sponsored
GROUP BY ALL;
