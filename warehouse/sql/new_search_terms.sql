-- Terms of the staged documents the index has never seen.
SELECT DISTINCT term FROM staged_tokens WHERE term NOT IN (SELECT term FROM search_terms) ORDER BY term;
