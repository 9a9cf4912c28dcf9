-- Captures to extract ($1: the current extractor version): every successful capture newer
-- than the one its article row was made from (each may be a revision), and the newest capture
-- of a post whose row an older extractor made. Captures that failed extraction stay out. An
-- article is (site, post_id): post ids of two papers are two articles.
WITH ok AS (
    SELECT capture_id, site, post_id, final_url, warc_file, warc_offset,
           row_number() OVER (PARTITION BY site, post_id ORDER BY fetched_at DESC, capture_id DESC)
               AS newness
    FROM crawl_log
    WHERE status = 200 AND warc_file IS NOT NULL AND post_id IS NOT NULL
)
SELECT n.capture_id, n.post_id, n.final_url, n.warc_file, n.warc_offset, n.site
FROM ok n
LEFT JOIN articles a ON a.site = n.site AND a.post_id = n.post_id
WHERE (a.capture_id IS NULL OR a.capture_id < n.capture_id
       OR (n.newness = 1 AND a.extractor_version IS DISTINCT FROM $1))
  AND n.capture_id NOT IN (SELECT capture_id FROM extraction_errors)
ORDER BY n.capture_id;
