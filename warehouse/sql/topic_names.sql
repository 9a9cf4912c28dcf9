-- The topics a --topic may name: one paper's ($site), or every paper's (NULL), where the same
-- id on two papers is one choice (it filters the articles of both).
SELECT DISTINCT topic_id, name FROM topics WHERE $site IS NULL OR site = $site;
