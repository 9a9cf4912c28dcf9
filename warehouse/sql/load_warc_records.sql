-- New records of one file (staged_warc_records), and how far the file is now indexed ($1, $2).
INSERT INTO warc_records BY NAME
SELECT * REPLACE (CAST(fetched_at AS TIMESTAMPTZ) AS fetched_at) FROM staged_warc_records
ON CONFLICT (warc_file, "offset") DO NOTHING;

INSERT OR REPLACE INTO warc_files (warc_file, indexed_bytes) VALUES ($1, $2);
