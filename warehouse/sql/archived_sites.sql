-- The sites the archive holds articles of.
SELECT DISTINCT site FROM articles ORDER BY site;
