-- Issue 8: an index of every record in the WARC files (requests, responses, capture entries),
-- read from the files themselves, so any fetch can be found and replayed.
CREATE TABLE IF NOT EXISTS warc_records (
    warc_file    VARCHAR NOT NULL,     -- relative to the data directory
    "offset"     BIGINT NOT NULL,      -- where the record's gzip member starts
    length       BIGINT NOT NULL,      -- bytes of the member in the file
    record_type  VARCHAR NOT NULL,     -- request, response, metadata
    record_id    VARCHAR NOT NULL,     -- WARC-Record-ID
    url          VARCHAR,              -- WARC-Target-URI
    post_id      BIGINT,               -- from the URL, for article pages
    status       INTEGER,              -- HTTP status of a response
    content_type VARCHAR,              -- of the HTTP payload (or of the record, for metadata)
    sha256       VARCHAR,              -- of the payload as stored
    fetched_at   TIMESTAMPTZ NOT NULL, -- WARC-Date
    PRIMARY KEY (warc_file, "offset")
);

-- How far each WARC file has been indexed: a file still being written is read on from there.
CREATE TABLE IF NOT EXISTS warc_files (
    warc_file     VARCHAR PRIMARY KEY,
    indexed_bytes BIGINT NOT NULL
);
