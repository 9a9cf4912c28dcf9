-- The newest successful capture of each post that no article row or extraction error accounts
-- for, or whose article row an older extractor made ($1: the current extractor version).
WITH newest AS (
    SELECT capture_id, post_id, final_url, warc_file, warc_offset
    FROM crawl_log
    WHERE status = 200 AND warc_file IS NOT NULL AND post_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY post_id ORDER BY fetched_at DESC, capture_id DESC) = 1
)
SELECT n.capture_id, n.post_id, n.final_url, n.warc_file, n.warc_offset
FROM newest n
LEFT JOIN articles a ON a.post_id = n.post_id
WHERE (a.capture_id IS NULL OR a.capture_id < n.capture_id
       OR a.extractor_version IS DISTINCT FROM $1)
  AND n.capture_id NOT IN (SELECT capture_id FROM extraction_errors)
ORDER BY n.capture_id;
