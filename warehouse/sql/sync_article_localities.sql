-- Make article_localities equal to staged_mentions (the matcher's output for every article).
DELETE FROM article_localities
WHERE (post_id, locality_id, mentions, first_field, first_offset, evidence, kind_word, is_focus)
      NOT IN (SELECT post_id, locality_id, mentions, first_field, first_offset, evidence,
                     kind_word, is_focus FROM staged_mentions);
INSERT INTO article_localities BY NAME
SELECT post_id, locality_id, mentions, first_field, first_offset, evidence, kind_word, is_focus
FROM staged_mentions
ON CONFLICT (post_id, locality_id) DO NOTHING;
