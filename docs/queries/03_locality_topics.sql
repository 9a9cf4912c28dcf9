-- Question: In which sections does the paper write about the commune of Hưng Khánh?
-- locality_topic_matrix counts articles whose focus is the unit, by the article's own category,
-- sponsored content left out. Communes share names with former districts: filter by kind or id.
SELECT m.topic, m.topic_id, m.articles
FROM locality_topic_matrix m
JOIN localities l USING (locality_id)
WHERE l.name = 'Hưng Khánh' AND l.kind = 'xa'
ORDER BY m.articles DESC, m.topic
LIMIT 10;
