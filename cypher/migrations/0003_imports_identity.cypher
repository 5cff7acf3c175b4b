// Open-data imports and organisation identity (issue 8): one ImportRun node per run, aliases (an id an
// organisation was also known by), merge candidates for curators, and the staging labels a run writes
// under before it is published (readers only ever match :Organisation and :Initiative).
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT alias_id IF NOT EXISTS FOR (a:Alias) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT merge_candidate_id IF NOT EXISTS FOR (c:MergeCandidate) REQUIRE c.id IS UNIQUE;
CREATE INDEX import_run_started IF NOT EXISTS FOR (r:ImportRun) ON (r.startedAt);
CREATE INDEX merge_candidate_status IF NOT EXISTS FOR (c:MergeCandidate) ON (c.status);
CREATE INDEX staged_organisation_id IF NOT EXISTS FOR (o:StagedOrganisation) ON (o.id);
CREATE INDEX staged_organisation_run IF NOT EXISTS FOR (o:StagedOrganisation) ON (o.createdInRun);
CREATE INDEX staged_initiative_id IF NOT EXISTS FOR (i:StagedInitiative) ON (i.id);
CREATE INDEX staged_initiative_run IF NOT EXISTS FOR (i:StagedInitiative) ON (i.createdInRun);
CREATE INDEX staged_relationship_run IF NOT EXISTS FOR ()-[r:STAGED_RELATIONSHIP]-() ON (r.createdInRun);
CREATE INDEX staged_participation_run IF NOT EXISTS FOR ()-[r:STAGED_PARTICIPATION]-() ON (r.createdInRun);
CREATE INDEX place_created_run IF NOT EXISTS FOR (p:Place) ON (p.createdInRun);
CREATE INDEX theme_created_run IF NOT EXISTS FOR (t:Theme) ON (t.createdInRun);
