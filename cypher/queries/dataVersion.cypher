// The current data version (0 before the first write) and when the network last changed.
// Params: none
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
RETURN coalesce(m.dataVersion, 0) AS dataVersion, m.changedAt AS changedAt
