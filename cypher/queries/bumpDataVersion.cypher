// Records that the network changed: call it inside every write transaction that changes organisations,
// relationships, initiatives or participations. Concurrent writers queue on the one node.
// Params: $now (ISO date-time)
MERGE (m:AtlasMeta {id: 'atlas'})
SET m.dataVersion = coalesce(m.dataVersion, 0) + 1,
    m.changedAt = datetime($now)
RETURN m.dataVersion AS dataVersion
