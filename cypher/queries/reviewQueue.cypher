// The review queue: PENDING requests of the given kinds and OPEN merge candidates, oldest first (then by
// id), as keys for keyset pagination (at = creation time in epoch milliseconds), and how many in all.
// Merge candidates are written by importers; their createdAt may be a date-time or ISO text.
// Params: $kinds: [string], $afterAt (epoch millis, or null for the first page), $afterId, $limit
CALL () {
  MATCH (r:Request)
  WHERE r.status = 'PENDING' AND r.kind IN $kinds
  RETURN r.id AS id, r.kind AS kind, r.createdAt.epochMillis AS at
  UNION ALL
  MATCH (m:MergeCandidate)
  WHERE m.status = 'OPEN' AND 'MERGE_CANDIDATE' IN $kinds
  RETURN m.id AS id, 'MERGE_CANDIDATE' AS kind,
         CASE WHEN m.createdAt IS :: STRING THEN datetime(m.createdAt).epochMillis
              ELSE m.createdAt.epochMillis END AS at
}
WITH id, kind, at
ORDER BY at, id
WITH collect({id: id, kind: kind, at: at}) AS items
RETURN size(items) AS totalCount,
       [x IN items WHERE $afterAt IS NULL OR x.at > $afterAt OR (x.at = $afterAt AND x.id > $afterId)][0..toInteger($limit)] AS page
