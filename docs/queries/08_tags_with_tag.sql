-- Question: Which tags appear together with the tag "giáo dục" (education)?
-- tag_id is the tag in lower case NFC; tags.name is the spelling the site used first.
SELECT t.name AS tag, count(*) AS articles
FROM article_tags x
JOIN article_tags y ON y.site = x.site AND y.post_id = x.post_id AND y.tag_id <> x.tag_id
JOIN tags t ON t.tag_id = y.tag_id
WHERE x.tag_id = 'giáo dục'
GROUP BY ALL
ORDER BY articles DESC, tag
LIMIT 10;
