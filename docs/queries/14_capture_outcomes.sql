-- Question: What became of every fetch: an article row, an extraction failure, a superseded copy, or a failed fetch?
-- An article row points at the capture it was extracted from; extraction_errors keeps the
-- captures the extractor could not read, with the reason.
SELECT CASE
           WHEN c.error IS NOT NULL OR c.status IS DISTINCT FROM 200 THEN 'fetch failed'
           WHEN a.capture_id IS NOT NULL THEN 'article row'
           WHEN e.capture_id IS NOT NULL THEN 'not extracted: ' || e.error
           ELSE 'superseded or not yet extracted'
       END AS outcome,
       count(*) AS captures
FROM crawl_log c
LEFT JOIN articles a ON a.capture_id = c.capture_id
LEFT JOIN extraction_errors e ON e.capture_id = c.capture_id
GROUP BY ALL
ORDER BY captures DESC, outcome
LIMIT 10;
