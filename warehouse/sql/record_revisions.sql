-- Before the upsert: the article rows that staged newer captures replace with other text go to
-- article_revisions, then the older versions staged in the same batch (staged_revisions). A
-- version already kept (site, post_id, content_hash) is not kept twice.
MERGE INTO article_revisions USING (
    SELECT a.site, a.post_id, a.content_hash, a.title, a.sapo, a.body, a.author,
           a.published_at, a.modified_at, a.capture_id, a.extractor_version,
           (SELECT min(v.capture_id) FROM (
                SELECT capture_id, content_hash FROM staged_revisions
                WHERE site = a.site AND post_id = a.post_id
                UNION ALL
                SELECT capture_id, content_hash FROM staged_articles
                WHERE site = a.site AND post_id = a.post_id) v
            WHERE v.capture_id > a.capture_id AND v.content_hash <> a.content_hash)
               AS superseded_by
    FROM articles a
    JOIN staged_articles s USING (site, post_id)
    WHERE s.capture_id > a.capture_id AND s.content_hash <> a.content_hash
) AS old
ON article_revisions.site = old.site AND article_revisions.post_id = old.post_id
   AND article_revisions.content_hash = old.content_hash
WHEN NOT MATCHED THEN INSERT BY NAME;

MERGE INTO article_revisions USING (
    SELECT * FROM staged_revisions
    QUALIFY row_number() OVER (PARTITION BY site, post_id, content_hash ORDER BY capture_id) = 1
) AS old
ON article_revisions.site = old.site AND article_revisions.post_id = old.post_id
   AND article_revisions.content_hash = old.content_hash
WHEN NOT MATCHED THEN INSERT BY NAME;
