// One page of published organisations' searchable texts for the in-process text index of lists
// (network/textIndex.ts): the properties the full-text index organisation_search_text reads, as stored,
// in id order (keyset: ids after $after), as one row with the id of the last organisation read (null
// when none) and the data version the page was read at.
// Params: $after (an id, '' for the first page), $pageSize
MATCH (o:Organisation)
WHERE o.id > $after AND o.status = 'PUBLISHED'
WITH o ORDER BY o.id
LIMIT toInteger($pageSize)
WITH collect({
       id: o.id, name: o.name, description: o.description, identifierText: o.identifierText,
       placeText: o.placeText, themeText: o.themeText, acronym: o.acronym
     }) AS rows
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
RETURN rows, CASE WHEN size(rows) = 0 THEN null ELSE rows[size(rows) - 1].id END AS last,
       coalesce(m.dataVersion, 0) AS dataVersion
