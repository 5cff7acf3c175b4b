// Ends a session (sign-out): its cookie no longer signs anyone in.
// Params: $sessionId (digest of the cookie's secret)
MATCH (s:Session {id: $sessionId})
DETACH DELETE s
RETURN count(*) AS deleted
