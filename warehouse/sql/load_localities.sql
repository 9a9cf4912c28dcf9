-- The gazetteer (grouping/data/gazetteer.csv) staged as staged_localities: new units are added,
-- changed ones updated, unchanged ones left as they are.
MERGE INTO localities USING staged_localities AS s
ON localities.locality_id = s.locality_id
WHEN MATCHED AND (localities.name, localities.kind, localities.parent_id,
                  localities.former_province, localities.valid_from, localities.valid_to,
                  localities.gso_code, localities.site_dia_phuong_id, localities.aliases,
                  localities.successor_id, localities.lat, localities.lon, localities.source)
     IS DISTINCT FROM
     (s.name, s.kind, s.parent_id, s.former_province, s.valid_from, s.valid_to, s.gso_code,
      s.site_dia_phuong_id, s.aliases, s.successor_id, s.lat, s.lon, s.source)
THEN UPDATE SET
    name = s.name, kind = s.kind, parent_id = s.parent_id, former_province = s.former_province,
    valid_from = s.valid_from, valid_to = s.valid_to, gso_code = s.gso_code,
    site_dia_phuong_id = s.site_dia_phuong_id, aliases = s.aliases,
    successor_id = s.successor_id, lat = s.lat, lon = s.lon, source = s.source
WHEN NOT MATCHED THEN INSERT BY NAME;
