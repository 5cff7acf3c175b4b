// Starts a session for an account. Only the SHA-256 digest of the cookie's secret is stored (as the
// session id). The account's expired sessions are deleted on the way.
// Params: $accountId, $sessionId (digest), $now, $expiresAt (ISO date-times)
MATCH (a:Account {id: $accountId})
CALL (a) {
  MATCH (old:Session)-[:OF]->(a)
  WHERE old.expiresAt <= datetime($now)
  DETACH DELETE old
}
CREATE (s:Session {id: $sessionId, createdAt: datetime($now), expiresAt: datetime($expiresAt)})-[:OF]->(a)
RETURN s.id AS id
