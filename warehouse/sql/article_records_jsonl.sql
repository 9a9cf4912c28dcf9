-- Articles for a JSON Lines export, one object per line: instants as ISO 8601 in the paper's
-- zone, lists as arrays.
SELECT to_json(r)::VARCHAR AS line
FROM (
    SELECT * REPLACE (
        strftime(timezone('Asia/Ho_Chi_Minh', published_at), '%Y-%m-%dT%H:%M:%S+07:00') AS published_at,
        strftime(timezone('Asia/Ho_Chi_Minh', modified_at), '%Y-%m-%dT%H:%M:%S+07:00') AS modified_at
    )
    FROM article_records($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform)
) r
ORDER BY r.published_at, r.site, r.post_id;
