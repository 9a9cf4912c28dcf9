-- Question: How did the crawl go: fetches by how the URL was found and by HTTP status, and how many failed?
-- crawl_log has one row per fetch attempt; a successful one points into a WARC file.
SELECT source, coalesce(status::VARCHAR, 'no response') AS status,
       count(*) AS fetches,
       count(DISTINCT post_id) AS posts,
       count(error) AS failed,
       count(warc_file) AS in_warc,
       round(sum(bytes) / 1e6, 1) AS mb
FROM crawl_log
GROUP BY ALL
ORDER BY fetches DESC, source, status
LIMIT 10;
