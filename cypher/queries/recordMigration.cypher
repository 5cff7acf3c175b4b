// Records that a schema migration has been applied.
// Params: $version (integer), $name, $checksum, $now (ISO date-time)
MERGE (m:SchemaMigration {version: toInteger($version)})
  ON CREATE SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime($now)
