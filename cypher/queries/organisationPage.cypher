// The organisations of one page of a list paged over the network snapshot, by their own ids (the
// snapshot's, never an alias), in the order given: those still published, their properties only (the
// caller takes each one's place chain and themes from the snapshot the list was paged over, which this
// version confirms: reading them here doubled the query's time); and the data version, read after them, so
// the list checks the snapshot it paged over in this same round trip (a version read last that is still
// the snapshot's means no later write was seen by the reads before it). createdAt and updatedAt come as
// the instant's epoch milliseconds (createdAtMs, updatedAtMs) when they are datetimes, in their place
// otherwise (null then): neo4j-driver turns each datetime it receives into a DateTime through 64-bit
// integer arithmetic done on objects, about 50 kB of garbage and 0.05 ms each (a page of 20: 2 MB and
// 2 ms), and the caller writes the same ISO form toPlain gives a DateTime (its instant, to the ms, in UTC).
// Params: $ids: [string]
CALL () {
  UNWIND range(0, size($ids) - 1) AS idx
  MATCH (o:Organisation {id: $ids[idx]}) USING INDEX o:Organisation(id)
  WHERE o.status = 'PUBLISHED'
  WITH idx, o
  ORDER BY idx
  RETURN collect({
    requested: $ids[idx],
    organisation: o {.*,
      createdAt: CASE WHEN o.createdAt IS :: ZONED DATETIME THEN null ELSE o.createdAt END,
      updatedAt: CASE WHEN o.updatedAt IS :: ZONED DATETIME THEN null ELSE o.updatedAt END},
    createdAtMs: CASE WHEN o.createdAt IS :: ZONED DATETIME THEN o.createdAt.epochMillis END,
    updatedAtMs: CASE WHEN o.updatedAt IS :: ZONED DATETIME THEN o.updatedAt.epochMillis END
  }) AS rows
}
OPTIONAL MATCH (m:AtlasMeta {id: 'atlas'})
RETURN coalesce(m.dataVersion, 0) AS dataVersion, rows
