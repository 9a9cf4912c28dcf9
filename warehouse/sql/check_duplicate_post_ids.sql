-- Post ids that occur more than once in articles (the primary key should make this empty).
SELECT post_id, count(*) AS copies FROM articles GROUP BY post_id HAVING count(*) > 1;
