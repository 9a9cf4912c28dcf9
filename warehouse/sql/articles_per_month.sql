-- Articles per site and month of publication (Asia/Ho_Chi_Minh), for the check that no month
-- of any paper shrinks: keys 'site YYYY-MM'.
SELECT site || ' ' || strftime(timezone('Asia/Ho_Chi_Minh', published_at), '%Y-%m') AS month,
       count(*)
FROM articles
WHERE published_at IS NOT NULL
GROUP BY ALL
ORDER BY month;
