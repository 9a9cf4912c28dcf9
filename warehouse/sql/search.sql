-- Articles holding every syllable of a query, best BM25 score first: the weights of the
-- query's terms ($termids, one per syllable) summed over the articles that hold all of them.
SELECT post_id, score
FROM (
    SELECT post_id, sum(weight) AS score
    FROM fts_main_search_documents.weights
    WHERE termid IN (SELECT unnest($termids::BIGINT[]))
    GROUP BY post_id
    HAVING count(*) = len($termids::BIGINT[])
)
WHERE post_id IN (SELECT post_id FROM filtered_post_ids($topic, $locality, $since, $until))
ORDER BY score DESC, post_id;
