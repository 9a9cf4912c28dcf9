-- Which of the candidates ($1) hold every quoted phrase ($2), with diacritics ($3) or without:
-- one scan of every document, for when the phrase is rare among many candidates.
SELECT post_id
FROM search_documents
WHERE post_id IN (SELECT unnest($1::BIGINT[]))
  AND list_bool_and(list_transform($2::VARCHAR[], phrase -> contains(
          CASE WHEN $3 THEN exact ELSE replace(strip_accents(exact), 'đ', 'd') END, phrase)));
