-- Question: What share of each year's articles is sponsored content ("Thông tin quảng cáo")?
SELECT year(timezone('Asia/Ho_Chi_Minh', a.published_at)) AS year,
       count(*) AS articles,
       count(*) FILTER (WHERE t.sponsored) AS sponsored,
       round(100.0 * count(*) FILTER (WHERE t.sponsored) / count(*), 1) AS sponsored_pct
FROM articles a
LEFT JOIN topics t ON t.site = a.site AND t.topic_id = a.category
WHERE a.site = 'baolaocai'
GROUP BY ALL
ORDER BY year
LIMIT 10;
