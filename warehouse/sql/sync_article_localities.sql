-- The matched articles (staged_matched) get exactly the matcher's rows (staged_mentions).
DELETE FROM article_localities WHERE post_id IN (SELECT post_id FROM staged_matched);
INSERT INTO article_localities BY NAME
SELECT post_id, locality_id, mentions, first_field, first_offset, evidence, kind_word, is_focus
FROM staged_mentions;
INSERT OR REPLACE INTO locality_matches (post_id, content_hash, matcher)
SELECT post_id, content_hash, matcher FROM staged_matched;
