-- The newest publication time of each paper in the archive.
SELECT site, max(published_at) FROM articles GROUP BY site ORDER BY site;
