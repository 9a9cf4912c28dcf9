-- The chosen articles in rank order ($1 post ids, $2 scores).
WITH ranked AS (
    SELECT unnest($1::BIGINT[]) AS post_id, unnest($2::DOUBLE[]) AS score,
           generate_subscripts($1::BIGINT[], 1) AS rank
)
SELECT a.post_id, a.title, a.published_at, a.url, a.sapo, a.body, round(r.score, 4) AS score
FROM ranked r
JOIN articles a USING (post_id)
ORDER BY r.rank;
