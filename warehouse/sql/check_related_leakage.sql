-- Articles whose body holds a related-block heading ($1: the headings) or the title of an
-- article listed in one of its own related blocks. Titles under 20 characters are too short to
-- tell a leak from a coincidence.
SELECT a.post_id, 'heading: ' || h.heading AS leak
FROM articles a, (SELECT unnest($1::VARCHAR[]) AS heading) h
WHERE contains(a.body, h.heading)
UNION ALL
SELECT a.post_id, 'related title: ' || r.title
FROM articles a JOIN related_items r USING (post_id)
WHERE length(r.title) >= 20 AND contains(a.body, r.title)
ORDER BY 1;
