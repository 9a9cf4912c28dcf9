-- Administrative units with how many articles name them and how many are about them; $site:
-- one paper's articles (NULL: every paper's). Units are every gazetteer's, named or not.
SELECT l.locality_id, l.name, l.kind, l.parent_id, l.valid_from, l.valid_to,
       count(x.post_id) AS articles, count(x.post_id) FILTER (WHERE x.is_focus) AS focus_articles
FROM localities l
LEFT JOIN article_localities x
    ON x.locality_id = l.locality_id AND ($site IS NULL OR x.site = $site)
GROUP BY ALL
ORDER BY l.locality_id;
