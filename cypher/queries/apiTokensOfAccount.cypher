// An account's API tokens, newest first (names and dates only: the tokens themselves are never stored).
// Params: $accountId
MATCH (t:ApiToken)-[:OF]->(:Account {id: $accountId})
RETURN t {.id, .name, .createdAt, .lastUsedAt, .revokedAt} AS token
ORDER BY t.createdAt DESC, t.id
