// The account of a session that has not expired; no row for an unknown, ended or expired session.
// Params: $sessionId (digest of the cookie's secret), $now (ISO date-time)
MATCH (s:Session {id: $sessionId})-[:OF]->(a:Account)
WHERE s.expiresAt > datetime($now)
RETURN a {.id, .email, .name, .role, .createdAt} AS account
