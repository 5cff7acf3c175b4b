// Accounts and curation (issue 9): accounts, sessions and API tokens (stored as digests), requests for
// review, the change history, the registration identity key (one organisation per normalised name and
// site, enforced here so concurrent registrations cannot both succeed), and the shared identity model
// (aliases and merge candidates, as in ../shared/API-CONTRACT.md; the importers create the same).
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT account_email IF NOT EXISTS FOR (a:Account) REQUIRE a.email IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
CREATE CONSTRAINT request_id IF NOT EXISTS FOR (r:Request) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT request_open_key IF NOT EXISTS FOR (r:Request) REQUIRE r.openKey IS UNIQUE;
CREATE INDEX request_status IF NOT EXISTS FOR (r:Request) ON (r.status);
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE INDEX change_subject IF NOT EXISTS FOR (c:Change) ON (c.subjectId);
CREATE CONSTRAINT organisation_identity_key IF NOT EXISTS FOR (o:Organisation) REQUIRE o.identityKey IS UNIQUE;
CREATE TEXT INDEX organisation_website IF NOT EXISTS FOR (o:Organisation) ON (o.website);
CREATE CONSTRAINT alias_id IF NOT EXISTS FOR (a:Alias) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT merge_candidate_id IF NOT EXISTS FOR (m:MergeCandidate) REQUIRE m.id IS UNIQUE;
CREATE INDEX merge_candidate_status IF NOT EXISTS FOR (m:MergeCandidate) ON (m.status);
CREATE CONSTRAINT atlas_secret_id IF NOT EXISTS FOR (s:AtlasSecret) REQUIRE s.id IS UNIQUE;
