// The account of a live (not revoked) API token, found by the token's digest.
// Params: $hash
MATCH (t:ApiToken {hash: $hash})-[:OF]->(a:Account)
WHERE t.revokedAt IS NULL
RETURN a {.id, .email, .name, .role, .createdAt} AS account, t.id AS tokenId, t.lastUsedAt AS lastUsedAt
