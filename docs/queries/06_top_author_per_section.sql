-- Question: Who writes most for each section of the paper?
-- authors is the byline split into names (a piece by two reporters counts for both); sections
-- are the top-level topics, which article_topics also assigns to every sub-section's articles.
-- One paper's (Báo Lào Cai's): post ids and topic ids are a paper's own.
WITH bylines AS (
    SELECT t.name AS section, unnest(a.authors) AS author, a.post_id
    FROM articles a
    JOIN article_topics x USING (site, post_id)
    JOIN topics t USING (site, topic_id)
    WHERE a.site = 'baolaocai' AND t.parent_id IS NULL AND NOT t.sponsored
)
SELECT section, author, count(DISTINCT post_id) AS articles
FROM bylines
GROUP BY section, author
QUALIFY row_number() OVER (PARTITION BY section ORDER BY count(DISTINCT post_id) DESC, author) = 1
ORDER BY articles DESC, section
LIMIT 10;
