-- Has anything the search index reads changed since snapshot $1 (the one it was built from)?
-- Each snapshot lists its changes by kind: rows written to or deleted from tables (by table
-- id), files merged, tables or views made or dropped. A run that fetched nothing new writes
-- only the crawl's own tables, and the index has nothing to compare. Any other kind of change
-- counts as touching the index, to be safe.
WITH read_by_the_index AS (
    SELECT list(CAST(table_id AS VARCHAR)) AS ids
    FROM ducklake_table_info('archive')
    WHERE table_name IN ('articles', 'search_documents', 'article_topics', 'article_localities')
),
changes AS (
    SELECT unnest(map_entries(changes)) AS change FROM archive.snapshots() WHERE snapshot_id > $1
)
SELECT count(*) > 0
FROM changes, read_by_the_index
WHERE change.key NOT IN ('tables_inserted_into', 'tables_deleted_from', 'inlined_insert',
                         'inlined_delete', 'flushed_inlined', 'merge_adjacent')
   OR list_has_any(change.value, read_by_the_index.ids);
