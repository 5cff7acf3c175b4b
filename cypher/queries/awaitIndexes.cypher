// Waits (up to 300 s) until every index is online: CREATE INDEX returns before the index is populated.
// Params: none
CALL db.awaitIndexes(300)
