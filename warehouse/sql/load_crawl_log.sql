-- Load every capture index line into crawl_log; lines already loaded are left alone (keys
-- are kept by the loader: a MERGE on capture_id, one line per capture id).
-- $1: glob of the capture index files; $2: the site of lines written before captures named
-- theirs. A torn last line (crash mid-write) is skipped.
MERGE INTO crawl_log USING (
SELECT DISTINCT ON (capture_id) capture_id, run_id, url, final_url, post_id, status, source,
       CAST(lastmod AS TIMESTAMPTZ) AS lastmod, CAST(fetched_at AS TIMESTAMPTZ) AS fetched_at,
       warc_file, warc_offset, warc_length, sha256, bytes, error, coalesce(site, $2) AS site
FROM read_json($1, format = 'newline_delimited', ignore_errors = true, columns = {
    capture_id: 'VARCHAR', run_id: 'VARCHAR', url: 'VARCHAR', final_url: 'VARCHAR',
    post_id: 'BIGINT', status: 'INTEGER', source: 'VARCHAR', lastmod: 'VARCHAR',
    fetched_at: 'VARCHAR', warc_file: 'VARCHAR', warc_offset: 'BIGINT', warc_length: 'BIGINT',
    sha256: 'VARCHAR', bytes: 'BIGINT', error: 'VARCHAR', site: 'VARCHAR'})
WHERE capture_id IS NOT NULL
) AS line
ON crawl_log.capture_id = line.capture_id
WHEN NOT MATCHED THEN INSERT BY NAME;
