-- When snapshot $1 of the lake was committed: with its id, it names one snapshot of one lake
-- (a rebuilt lake counts its snapshots again from the start).
SELECT snapshot_time FROM archive.snapshots() WHERE snapshot_id = $1;
