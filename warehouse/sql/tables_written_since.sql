-- Has any of the tables $2 (names) been written since snapshot $1? Asked of the snapshots'
-- change lists, not of the tables: each lists its changes by kind, rows written to or deleted
-- from tables (by table id), files merged, tables or views made or dropped. A run that
-- fetched nothing new writes only the crawl's own tables. Any other kind of change counts as
-- a write, to be safe.
WITH watched AS (
    SELECT list(CAST(table_id AS VARCHAR)) AS ids
    FROM ducklake_table_info('archive')
    WHERE table_name IN (SELECT unnest($2::VARCHAR[]))
),
changes AS (
    SELECT unnest(map_entries(changes)) AS change FROM archive.snapshots() WHERE snapshot_id > $1
)
SELECT count(*) > 0
FROM changes, watched
WHERE change.key NOT IN ('tables_inserted_into', 'tables_deleted_from', 'inlined_insert',
                         'inlined_delete', 'flushed_inlined', 'merge_adjacent')
   OR list_has_any(change.value, watched.ids);
