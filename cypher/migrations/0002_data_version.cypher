// One AtlasMeta node holds the data version: every write that changes the network bumps it in its own
// transaction, so caches of derived figures (facets, analytics) know when to refresh.
CREATE CONSTRAINT atlas_meta_id IF NOT EXISTS FOR (m:AtlasMeta) REQUIRE m.id IS UNIQUE;
