-- Issue 4: the extractor also gives the body as Markdown, the byline split into names and the
-- page template (normal, emagazine, photo, video, ...).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS body_markdown VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS authors VARCHAR[];
ALTER TABLE articles ADD COLUMN IF NOT EXISTS layout VARCHAR;
-- Which extractor made the row: captures are extracted again when the rules improve.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS extractor_version VARCHAR;
