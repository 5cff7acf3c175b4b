// Graph-view summaries of published organisations: name, sector, kind and degree.
// Params: $ids: [string]
UNWIND $ids AS id
MATCH (o:Organisation {id: id}) USING INDEX o:Organisation(id)
WHERE o.status = 'PUBLISHED'
RETURN o.id AS id, o.name AS name, o.sector AS sector, o.kind AS kind,
       COUNT {
         (o)-[:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]-(m:Organisation)
         WHERE m.status = 'PUBLISHED'
       } AS degree
