// Deletes relationships by element id (those an import gives another kind or other ends).
// Params: $elementIds: [string]
UNWIND $elementIds AS eid
MATCH ()-[r]->()
WHERE elementId(r) = eid
DELETE r
