// A server-wide random secret by name, created on first use: every server on this database shares it.
// Params: $name, $candidate (used only when the secret does not exist yet), $now (ISO date-time)
MERGE (s:AtlasSecret {id: $name})
  ON CREATE SET s.value = $candidate, s.createdAt = datetime($now)
RETURN s.value AS value
