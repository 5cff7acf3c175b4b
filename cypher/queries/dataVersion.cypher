// The current data version (0 before the first write). Read on every request that uses the network
// snapshot, so it returns the number only (no temporal value to decode).
// Params: none
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
RETURN coalesce(m.dataVersion, 0) AS dataVersion
