-- Take the staged documents (staged_index_ids) out of the index, document frequencies included.
UPDATE search_terms t SET df = t.df - gone.n
FROM (
    SELECT termid, count(*) AS n
    FROM search_postings
    WHERE post_id IN (SELECT post_id FROM staged_index_ids)
    GROUP BY termid
) gone
WHERE t.termid = gone.termid;

DELETE FROM search_postings WHERE post_id IN (SELECT post_id FROM staged_index_ids);
DELETE FROM search_lengths WHERE post_id IN (SELECT post_id FROM staged_index_ids);
