-- The matched articles (staged_matched) get exactly the matcher's rows (staged_mentions), and
-- locality_matches records which version of each it read, with which matcher.
DELETE FROM article_localities
WHERE (site, post_id) IN (SELECT (site, post_id) FROM staged_matched);
INSERT INTO article_localities BY NAME
SELECT site, post_id, locality_id, mentions, first_field, first_offset, evidence, kind_word,
       is_focus
FROM staged_mentions;
MERGE INTO locality_matches USING staged_matched AS s
ON locality_matches.site = s.site AND locality_matches.post_id = s.post_id
WHEN MATCHED THEN UPDATE SET content_hash = s.content_hash, matcher = s.matcher
WHEN NOT MATCHED THEN INSERT (site, post_id, content_hash, matcher)
    VALUES (s.site, s.post_id, s.content_hash, s.matcher);
