// Revokes one of an account's API tokens: its digest is removed, so it can never match again. The
// record stays (with revokedAt) so its owner sees what was revoked. No row when the account has no such token.
// Params: $accountId, $tokenId, $now (ISO date-time)
MATCH (t:ApiToken {id: $tokenId})-[:OF]->(:Account {id: $accountId})
SET t.revokedAt = coalesce(t.revokedAt, datetime($now))
REMOVE t.hash
RETURN t {.id, .name, .createdAt, .lastUsedAt, .revokedAt} AS token
