// Creates the themes an import names; an existing theme keeps its first spelling.
// Params: $themes: [{id, name}]
// Returns one row: created, unchanged.
UNWIND $themes AS row
OPTIONAL MATCH (existing:Theme {id: row.id})
WITH row, existing IS NULL AS isNew
MERGE (t:Theme {id: row.id})
  ON CREATE SET t.name = row.name
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN isNew THEN 0 ELSE 1 END) AS unchanged
