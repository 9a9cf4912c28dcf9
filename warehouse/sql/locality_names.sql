-- Every unit a researcher may name in a filter: id, name, kind, last day (NULL: a unit of
-- today) and parent (a former commune's district).
SELECT locality_id, name, kind, valid_to, parent_id FROM localities ORDER BY locality_id;
