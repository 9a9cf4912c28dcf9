-- Articles whose body has a paragraph opening with a related-block heading ($1: the headings)
-- or holds the title of an article listed in one of its own related blocks. Headings are matched
-- at the start of a paragraph because "Xem thêm" may occur inside ordinary prose; titles under
-- 20 characters are too short to tell a leak from a coincidence.
-- A substring test picks the suspect bodies first: splitting every body took 2 s at 10,000.
WITH headings AS (SELECT unnest($1::VARCHAR[]) AS heading),
suspects AS (
    SELECT a.site, a.post_id, a.body, h.heading
    FROM articles a JOIN headings h ON contains(a.body, h.heading)
)
SELECT s.site, s.post_id, 'heading: ' || s.heading AS leak
FROM suspects s, unnest(string_split(s.body, chr(10) || chr(10))) AS p(paragraph)
WHERE starts_with(trim(p.paragraph), s.heading)
UNION ALL
SELECT a.site, a.post_id, 'related title: ' || r.title
FROM articles a JOIN related_items r USING (site, post_id)
WHERE length(r.title) >= 20 AND contains(a.body, r.title)
ORDER BY 1, 2;
