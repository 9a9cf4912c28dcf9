-- The figures a run prints.
SELECT
    (SELECT count(*) FROM articles)                  AS articles,
    (SELECT count(DISTINCT (site, topic_id)) FROM article_topics) AS topics,
    (SELECT count(DISTINCT locality_id) FROM article_localities) AS localities,
    (SELECT count(*) FROM article_localities)        AS locality_mentions,
    (SELECT count(*) FROM crawl_log)                 AS captures,
    (SELECT count(*) FROM crawl_log WHERE error IS NOT NULL) AS failed_fetches,
    (SELECT count(*) FROM extraction_errors)         AS extraction_errors;
