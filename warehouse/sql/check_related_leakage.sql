-- Articles whose body has a paragraph opening with a related-block heading ($1: the headings)
-- or holds the title of an article listed in one of its own related blocks. Headings are matched
-- at the start of a paragraph because "Xem thêm" may occur inside ordinary prose; titles under
-- 20 characters are too short to tell a leak from a coincidence.
SELECT a.post_id, 'heading: ' || h.heading AS leak
FROM articles a,
     unnest(string_split(a.body, chr(10) || chr(10))) AS p(paragraph),
     (SELECT unnest($1::VARCHAR[]) AS heading) h
WHERE starts_with(trim(p.paragraph), h.heading)
UNION ALL
SELECT a.post_id, 'related title: ' || r.title
FROM articles a JOIN related_items r USING (post_id)
WHERE length(r.title) >= 20 AND contains(a.body, r.title)
ORDER BY 1;
