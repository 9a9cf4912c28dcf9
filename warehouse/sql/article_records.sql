-- Articles passing the filters, in a fixed order: exports are byte for byte reproducible.
SELECT *
FROM article_records($topic, $locality, $since, $until)
ORDER BY section, year, month, published_at, post_id;
