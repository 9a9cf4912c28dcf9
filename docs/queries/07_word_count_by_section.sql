-- Question: How long are the articles of each section (word count distribution)?
-- word_count counts whitespace-separated tokens of the body: in Vietnamese, syllables.
SELECT t.name AS section,
       count(*) AS articles,
       min(a.word_count) AS min,
       quantile_disc(a.word_count, 0.25) AS p25,
       median(a.word_count)::INTEGER AS median,
       quantile_disc(a.word_count, 0.75) AS p75,
       max(a.word_count) AS max
FROM articles a
JOIN article_topics x USING (site, post_id)
JOIN topics t USING (site, topic_id)
WHERE a.site = 'baolaocai' AND t.parent_id IS NULL
GROUP BY ALL
ORDER BY articles DESC, section
LIMIT 10;
