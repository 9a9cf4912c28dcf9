-- Search moved to a tantivy index beside the lake (lake/search): the tables and macro of the
-- hand-written BM25 index go, in lakes made before.
DROP TABLE IF EXISTS search_terms;
DROP TABLE IF EXISTS search_lengths;
DROP TABLE IF EXISTS search_postings;
DROP TABLE IF EXISTS search_index_state;
DROP MACRO IF EXISTS bm25;
