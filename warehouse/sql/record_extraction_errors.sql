-- Captures that could not be extracted (staged_errors, one row per capture): a capture already
-- recorded keeps its first error.
MERGE INTO extraction_errors USING staged_errors AS s
ON extraction_errors.capture_id = s.capture_id
WHEN NOT MATCHED THEN INSERT BY NAME;
