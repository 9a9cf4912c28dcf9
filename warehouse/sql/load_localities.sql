-- The gazetteer (grouping/data/gazetteer.csv) staged as staged_localities.
INSERT INTO localities SELECT * FROM staged_localities
ON CONFLICT (locality_id) DO UPDATE SET
    name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id,
    former_province = excluded.former_province, valid_from = excluded.valid_from,
    valid_to = excluded.valid_to, gso_code = excluded.gso_code,
    site_dia_phuong_id = excluded.site_dia_phuong_id, aliases = excluded.aliases,
    source = excluded.source
WHERE (localities.name, localities.kind, localities.parent_id, localities.former_province,
       localities.valid_from, localities.valid_to, localities.gso_code,
       localities.site_dia_phuong_id, localities.aliases, localities.source)
      IS DISTINCT FROM
      (excluded.name, excluded.kind, excluded.parent_id, excluded.former_province,
       excluded.valid_from, excluded.valid_to, excluded.gso_code, excluded.site_dia_phuong_id,
       excluded.aliases, excluded.source);
