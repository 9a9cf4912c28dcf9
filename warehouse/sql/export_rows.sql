-- The publication days an export covers (in the paper's zone) and the extractor versions of
-- its rows.
SELECT strftime(min(timezone('Asia/Ho_Chi_Minh', published_at)), '%Y-%m-%d'),
       strftime(max(timezone('Asia/Ho_Chi_Minh', published_at)), '%Y-%m-%d'),
       coalesce(list(DISTINCT extractor_version ORDER BY extractor_version), [])
FROM article_records($topic, $locality, $since, $until);
