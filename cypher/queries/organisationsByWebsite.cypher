// Published organisations whose website contains the text (a site's domain, or a shared host's page),
// found through the text index on website; the caller compares the sites exactly.
// Params: $text, $limit
MATCH (o:Organisation) USING TEXT INDEX o:Organisation(website)
WHERE o.website CONTAINS $text AND o.status = 'PUBLISHED'
RETURN o.id AS id
LIMIT toInteger($limit)
