// Creates a personal API token for an account; only the SHA-256 digest of the token is stored.
// Params: $accountId, $tokenId, $hash, $name, $now (ISO date-time)
MATCH (a:Account {id: $accountId})
CREATE (t:ApiToken {id: $tokenId, hash: $hash, name: $name, createdAt: datetime($now)})-[:OF]->(a)
RETURN t {.id, .name, .createdAt, .lastUsedAt, .revokedAt} AS token
