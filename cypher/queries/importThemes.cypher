// Creates the themes an import names; an existing theme keeps its first spelling.
// Params: $themes: [{id, name}]
UNWIND $themes AS row
MERGE (t:Theme {id: row.id})
  ON CREATE SET t.name = row.name
