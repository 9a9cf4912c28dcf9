-- Does candidate $1 hold every quoted phrase ($2), with diacritics ($3) or without? A lookup by
-- primary key: 0.5 ms against 1.5 s for a scan of every document (300,000 articles).
SELECT list_bool_and(list_transform($2::VARCHAR[], phrase -> contains(
           CASE WHEN $3 THEN exact ELSE replace(strip_accents(exact), 'đ', 'd') END, phrase)))
FROM search_documents
WHERE post_id = $1;
