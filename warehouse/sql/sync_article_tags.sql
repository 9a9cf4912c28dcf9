-- tags and article_tags follow articles.tags. A tag's id is its lower-case NFC form, so
-- "Nông thôn mới" and "nông thôn mới" are one tag; its name is the spelling seen first.
CREATE OR REPLACE TEMP TABLE derived_tags AS
SELECT site, post_id, lower(trim(nfc_normalize(tag))) AS tag_id, tag AS name,
       CAST(position AS INTEGER) AS position
FROM (SELECT site, post_id, unnest(tags) AS tag, generate_subscripts(tags, 1) AS position
      FROM articles)
WHERE trim(tag) <> ''
QUALIFY row_number() OVER (PARTITION BY site, post_id, tag_id ORDER BY position) = 1;

INSERT INTO tags
SELECT tag_id, arg_min(name, (site, post_id)) FROM derived_tags
WHERE tag_id NOT IN (SELECT tag_id FROM tags)
GROUP BY tag_id;

DELETE FROM article_tags
WHERE (site, post_id, tag_id, position) NOT IN (
    SELECT (site, post_id, tag_id, position) FROM derived_tags);

MERGE INTO article_tags USING derived_tags AS d
ON article_tags.site = d.site AND article_tags.post_id = d.post_id
   AND article_tags.tag_id = d.tag_id
WHEN NOT MATCHED THEN INSERT (site, post_id, tag_id, position)
    VALUES (d.site, d.post_id, d.tag_id, d.position);
