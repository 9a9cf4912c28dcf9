-- Rows per month (in the paper's zone) of the articles passing the filters: an export reads
-- them in chunks of whole months.
SELECT year(timezone('Asia/Ho_Chi_Minh', a.published_at))::INTEGER AS year,
       month(timezone('Asia/Ho_Chi_Minh', a.published_at))::INTEGER AS month,
       count(*) AS articles
FROM articles a
JOIN filtered_post_ids($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform)
    USING (site, post_id)
GROUP BY ALL
ORDER BY ALL;
