-- Rewrite the postings sorted by term, so that a query reads only its own terms' row groups.
CREATE OR REPLACE TABLE search_postings AS
SELECT * FROM search_postings ORDER BY termid, post_id;

UPDATE search_index_state SET unsorted_rows = 0, sorted_at = now();
