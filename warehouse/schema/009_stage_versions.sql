-- Issue 14: every derived row records the version of the stage that made it (its code
-- version, rules, data files and text normaliser; foundation/versions.py), so that a rules
-- change re-derives exactly the rows another version made. articles.extractor_version and
-- locality_matches.matcher already hold theirs; search documents get one, and the index
-- records the version of each document it holds.
ALTER TABLE search_documents ADD COLUMN IF NOT EXISTS version VARCHAR;
ALTER TABLE search_lengths ADD COLUMN IF NOT EXISTS version VARCHAR;
