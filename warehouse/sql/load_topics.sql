-- The menus of the menu sites (grouping/data/taxonomy.csv) staged as staged_topics: new
-- topics are added, changed ones updated, unchanged ones left as they are. A topic is
-- (site, topic_id): another paper's category of the same path is another row.
MERGE INTO topics USING staged_topics AS s
ON topics.site = s.site AND topics.topic_id = s.topic_id
WHEN MATCHED AND (topics.slug, topics.name, topics.parent_id, topics.zone_id, topics.sponsored,
                  topics.source)
     IS DISTINCT FROM (s.slug, s.name, s.parent_id, s.zone_id, s.sponsored, s.source)
THEN UPDATE SET
    slug = s.slug, name = s.name, parent_id = s.parent_id, zone_id = s.zone_id,
    sponsored = s.sponsored, source = s.source
WHEN NOT MATCHED THEN INSERT BY NAME;
