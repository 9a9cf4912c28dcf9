-- The sites the archive holds captures or articles of.
SELECT site FROM crawl_log UNION SELECT site FROM articles ORDER BY site;
