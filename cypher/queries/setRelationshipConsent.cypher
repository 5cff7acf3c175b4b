// Changes one relationship's consent properties (trust, who confirmed or disputed it, why) and, when
// $setUntil, its until date. Properties set to null are removed. One index seek, on the given kind.
// Params: $id, $kind, $props (map), $setUntil (bool), $until (YYYY-MM-DD or null)
WITH $kind AS kind
CALL (kind) {
  WITH kind WHERE kind = 'PARTNERSHIP'
  MATCH ()-[r:PARTNERSHIP {id: $id}]->() USING INDEX r:PARTNERSHIP(id)
  RETURN r
  UNION ALL
  WITH kind WHERE kind = 'FUNDING'
  MATCH ()-[r:FUNDING {id: $id}]->() USING INDEX r:FUNDING(id)
  RETURN r
  UNION ALL
  WITH kind WHERE kind = 'MEMBERSHIP'
  MATCH ()-[r:MEMBERSHIP {id: $id}]->() USING INDEX r:MEMBERSHIP(id)
  RETURN r
  UNION ALL
  WITH kind WHERE kind = 'PART_OF'
  MATCH ()-[r:PART_OF {id: $id}]->() USING INDEX r:PART_OF(id)
  RETURN r
  UNION ALL
  WITH kind WHERE kind = 'INVESTMENT'
  MATCH ()-[r:INVESTMENT {id: $id}]->() USING INDEX r:INVESTMENT(id)
  RETURN r
  UNION ALL
  WITH kind WHERE kind = 'DATA_SHARING'
  MATCH ()-[r:DATA_SHARING {id: $id}]->() USING INDEX r:DATA_SHARING(id)
  RETURN r
  UNION ALL
  WITH kind WHERE kind = 'ADOPTION'
  MATCH ()-[r:ADOPTION {id: $id}]->() USING INDEX r:ADOPTION(id)
  RETURN r
}
SET r += $props,
    r.until = CASE WHEN $setUntil THEN date($until) ELSE r.until END
RETURN r.id AS id
