// Changes an account's role; no row when no account has the email.
// Params: $email (lower case), $role, $now (ISO date-time)
MATCH (a:Account {email: $email})
SET a.role = $role, a.updatedAt = datetime($now)
RETURN a {.id, .email, .name, .role, .createdAt} AS account
