-- Load every capture index line into crawl_log; lines already loaded are left alone.
-- $1: glob of the capture index files. A torn last line (crash mid-write) is skipped.
INSERT INTO crawl_log
SELECT capture_id, run_id, url, final_url, post_id, status, source,
       CAST(lastmod AS TIMESTAMPTZ), CAST(fetched_at AS TIMESTAMPTZ),
       warc_file, warc_offset, warc_length, sha256, bytes, error
FROM read_json($1, format = 'newline_delimited', ignore_errors = true, columns = {
    capture_id: 'VARCHAR', run_id: 'VARCHAR', url: 'VARCHAR', final_url: 'VARCHAR',
    post_id: 'BIGINT', status: 'INTEGER', source: 'VARCHAR', lastmod: 'VARCHAR',
    fetched_at: 'VARCHAR', warc_file: 'VARCHAR', warc_offset: 'BIGINT', warc_length: 'BIGINT',
    sha256: 'VARCHAR', bytes: 'BIGINT', error: 'VARCHAR'})
WHERE capture_id IS NOT NULL
ON CONFLICT (capture_id) DO NOTHING;
