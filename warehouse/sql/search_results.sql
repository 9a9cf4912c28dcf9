-- The chosen articles in rank order ($1 sites, $2 post ids, pairwise; $3 scores).
WITH ranked AS (
    SELECT unnest($1::VARCHAR[]) AS site, unnest($2::BIGINT[]) AS post_id,
           unnest($3::DOUBLE[]) AS score, generate_subscripts($2::BIGINT[], 1) AS rank
)
SELECT a.post_id, a.title, a.published_at, a.url, a.sapo, a.body, round(r.score, 4) AS score,
       a.site
FROM ranked r
JOIN articles a USING (site, post_id)
ORDER BY r.rank;
