// Core schema: unique ids for every node label and relationship kind, lookup indexes,
// and the full-text index behind searchOrganisations. Every statement is idempotent.
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (o:Organisation) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT initiative_id IF NOT EXISTS FOR (i:Initiative) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (t:Theme) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (p:Place) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT partnership_id IF NOT EXISTS FOR ()-[r:PARTNERSHIP]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT funding_id IF NOT EXISTS FOR ()-[r:FUNDING]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT membership_id IF NOT EXISTS FOR ()-[r:MEMBERSHIP]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT investment_id IF NOT EXISTS FOR ()-[r:INVESTMENT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT data_sharing_id IF NOT EXISTS FOR ()-[r:DATA_SHARING]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT adoption_id IF NOT EXISTS FOR ()-[r:ADOPTION]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX organisation_sector IF NOT EXISTS FOR (o:Organisation) ON (o.sector);
CREATE INDEX organisation_status IF NOT EXISTS FOR (o:Organisation) ON (o.status);
CREATE INDEX initiative_stage IF NOT EXISTS FOR (i:Initiative) ON (i.stage);
CREATE INDEX place_level IF NOT EXISTS FOR (p:Place) ON (p.level);
CREATE FULLTEXT INDEX organisation_search IF NOT EXISTS FOR (o:Organisation) ON EACH [o.name, o.description, o.identifierText];
