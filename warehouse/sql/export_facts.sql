-- Facts of the database state an export card records (never the clock: re-exports are equal).
SELECT
    (SELECT count(*) FROM articles) AS articles_in_archive,
    (SELECT strftime(timezone('Asia/Ho_Chi_Minh', max(fetched_at)), '%Y-%m-%dT%H:%M:%S+07:00')
     FROM crawl_log) AS last_fetch,
    (SELECT coalesce(list(DISTINCT regexp_extract(url, '^https?://[^/]+') ORDER BY 1), [])
     FROM articles) AS sites;
