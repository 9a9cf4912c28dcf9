-- Issue 9: a search index kept up to date a batch of documents at a time. The fts extension's
-- PRAGMA builds an index whole (426 s and 1.2 GB at 300,000 articles), so every new article
-- meant a full rebuild. These tables hold the same thing (its tokenizer, its BM25) and take
-- new or changed documents in place; the pipeline re-sorts the postings now and then.
DROP SCHEMA IF EXISTS fts_main_search_documents CASCADE;
DROP TABLE IF EXISTS search_index_state;

-- Every term (syllable, in match form) of the indexed documents.
CREATE TABLE search_terms (
    termid INTEGER PRIMARY KEY,
    term   VARCHAR NOT NULL UNIQUE,
    folded VARCHAR NOT NULL,        -- without diacritics, for searches typed without them
    df     INTEGER NOT NULL         -- how many documents hold it (0: none any more)
);

-- Each indexed document: the version it was made from and its length in terms.
CREATE TABLE search_lengths (
    post_id      BIGINT PRIMARY KEY,
    content_hash VARCHAR NOT NULL,  -- search_documents.content_hash when indexed
    len          INTEGER NOT NULL
);

-- Each term of each document, with its count there and the document's length (kept here so a
-- query reads one table). Sorted by termid up to the last re-sort, new documents after it:
-- DuckDB skips the row groups whose termid range misses a query's terms.
CREATE TABLE search_postings (
    termid  INTEGER NOT NULL,
    post_id BIGINT NOT NULL,
    tf      INTEGER NOT NULL,
    len     INTEGER NOT NULL
);

-- How much of search_postings was appended since it was last sorted.
CREATE TABLE search_index_state (
    id             INTEGER PRIMARY KEY DEFAULT 1,
    unsorted_rows  BIGINT NOT NULL,
    sorted_at      TIMESTAMPTZ
);

-- Okapi BM25 of one term in one document, as the extension's match_bm25 scores it: k1 = 1.2,
-- b = 0.75, and a base-10 logarithm in the idf (which scales every score alike).
CREATE OR REPLACE MACRO bm25(tf, len, df, documents, avgdl) AS
    log10((documents - df + 0.5) / (df + 0.5) + 1)
    * tf * (1.2 + 1) / (tf + 1.2 * (1 - 0.75 + 0.75 * len / avgdl));
