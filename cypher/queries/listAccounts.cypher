// Every account, by email, without password hashes (`npm run user -- list`).
// Params: none
MATCH (a:Account)
RETURN a {.id, .email, .name, .role, .createdAt} AS account
ORDER BY a.email
