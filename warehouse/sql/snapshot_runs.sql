-- The lake's snapshots gathered by the pipeline run that committed them (its id is in each
-- commit message; snapshots without one, such as the schema's, stand alone), newest first.
-- The run's last snapshot is the one to cite: it holds everything the run wrote.
SELECT max(snapshot_id) AS snapshot, max(snapshot_time) AS committed_at,
       coalesce(run_id, '') AS run, min(snapshot_id) AS first_snapshot,
       count(*) AS commits
FROM (
    SELECT snapshot_id, snapshot_time,
           CASE WHEN starts_with(commit_message, 'run ') THEN substr(commit_message, 5) END
               AS run_id
    FROM archive.snapshots()
)
GROUP BY coalesce(run_id, 'snapshot ' || snapshot_id), run_id
ORDER BY snapshot DESC;
