// Schema statement run before the first pending migration, so concurrent starts cannot record a version twice.
// Idempotent. Run through the migration runner (auto-commit), not in a managed transaction.
// Params: none
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE
