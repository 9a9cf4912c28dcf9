-- Question: Which articles published before the merger named the former district of Văn Chấn, and in what words?
-- evidence is the first mention exactly as published; kind_word says whether "huyện" came with it.
SELECT timezone('Asia/Ho_Chi_Minh', a.published_at)::DATE AS published,
       a.title, x.evidence, x.kind_word, x.first_field, x.mentions, x.is_focus
FROM article_localities x
JOIN localities l USING (locality_id)
JOIN articles a USING (site, post_id)
WHERE l.name = 'Văn Chấn' AND l.kind = 'huyen'
  AND a.published_at < TIMESTAMPTZ '2025-07-01 00:00:00+07'
ORDER BY a.published_at, a.post_id
LIMIT 10;
