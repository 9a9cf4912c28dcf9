-- The rows an export holds: how many, the publication days they cover (in the paper's zone),
-- their extractor versions, a hash of every row (equal hashes, equal rows: an export whose
-- rows did not change is not written again), and the papers they come from.
SELECT count(*),
       strftime(min(timezone('Asia/Ho_Chi_Minh', published_at)), '%Y-%m-%d'),
       strftime(max(timezone('Asia/Ho_Chi_Minh', published_at)), '%Y-%m-%d'),
       coalesce(list(DISTINCT extractor_version ORDER BY extractor_version), []),
       printf('%016x', coalesce(bit_xor(hash(r)), 0)),
       coalesce(list(DISTINCT site ORDER BY site), [])
FROM article_records($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform) r;
