-- The newest publication time in the archive.
SELECT max(published_at) FROM articles;
