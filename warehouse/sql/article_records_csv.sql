-- Articles for a CSV export: instants as ISO 8601 in the paper's zone, lists as JSON arrays.
SELECT * REPLACE (
    strftime(timezone('Asia/Ho_Chi_Minh', published_at), '%Y-%m-%dT%H:%M:%S+07:00') AS published_at,
    strftime(timezone('Asia/Ho_Chi_Minh', modified_at), '%Y-%m-%dT%H:%M:%S+07:00') AS modified_at,
    to_json(authors)::VARCHAR AS authors,
    to_json(topics)::VARCHAR AS topics,
    to_json(localities)::VARCHAR AS localities,
    to_json(localities_today)::VARCHAR AS localities_today,
    to_json(tags)::VARCHAR AS tags
)
FROM article_records($topic, $locality, $since, $until, site_ := $site,
    across_reform_ := $across_reform)
ORDER BY published_at, site, post_id;
