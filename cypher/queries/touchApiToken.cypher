// Records when an API token was last used.
// Params: $tokenId, $now (ISO date-time)
MATCH (t:ApiToken {id: $tokenId})
SET t.lastUsedAt = datetime($now)
RETURN t.id AS id
