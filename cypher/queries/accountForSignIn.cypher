// The account with this email, with its password hash (only ever compared, never returned by the API).
// Params: $email (lower case)
MATCH (a:Account {email: $email})
RETURN a {.id, .email, .name, .role, .createdAt, .passwordHash} AS account
