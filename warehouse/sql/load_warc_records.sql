-- New records of one file (staged_warc_records), and how far the file is now indexed ($1, $2).
MERGE INTO warc_records USING (
    SELECT * REPLACE (CAST(fetched_at AS TIMESTAMPTZ) AS fetched_at) FROM staged_warc_records
) AS s
ON warc_records.warc_file = s.warc_file AND warc_records."offset" = s."offset"
WHEN NOT MATCHED THEN INSERT BY NAME;

MERGE INTO warc_files USING (SELECT $1::VARCHAR AS warc_file, $2::BIGINT AS indexed_bytes) AS s
ON warc_files.warc_file = s.warc_file
WHEN MATCHED THEN UPDATE SET indexed_bytes = s.indexed_bytes
WHEN NOT MATCHED THEN INSERT BY NAME;
