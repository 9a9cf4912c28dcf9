-- The site's taxonomy (grouping/data/taxonomy.csv) staged as staged_topics.
INSERT INTO topics SELECT * FROM staged_topics
ON CONFLICT (topic_id) DO UPDATE SET
    slug = excluded.slug, name = excluded.name, parent_id = excluded.parent_id,
    zone_id = excluded.zone_id, sponsored = excluded.sponsored, source = excluded.source
WHERE (topics.slug, topics.name, topics.parent_id, topics.zone_id, topics.sponsored, topics.source)
      IS DISTINCT FROM
      (excluded.slug, excluded.name, excluded.parent_id, excluded.zone_id, excluded.sponsored,
       excluded.source);
