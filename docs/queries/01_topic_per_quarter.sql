-- Question: How many articles on the economy (Kinh tế, sub-sections included) did the paper publish each quarter?
-- article_topics also holds every ancestor of an article's category, so the topic "kinh-te"
-- counts the articles of "kinh-te/thi-truong", "kinh-te/nong-nghiep-nong-thon", ... too.
-- A topic is a paper's own (site, topic_id): this is Báo Lào Cai's. For one month at a time
-- use the view articles_by_topic (month, articles).
SELECT year(timezone('Asia/Ho_Chi_Minh', a.published_at)) || '-Q'
           || quarter(timezone('Asia/Ho_Chi_Minh', a.published_at)) AS quarter,
       count(*) AS articles,
       count(*) FILTER (WHERE x.is_primary) AS in_kinh_te_itself
FROM article_topics x
JOIN articles a USING (site, post_id)
WHERE x.site = 'baolaocai' AND x.topic_id = 'kinh-te'
GROUP BY ALL
ORDER BY quarter DESC
LIMIT 10;
