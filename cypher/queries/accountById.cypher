// One account by id, without its password hash.
// Params: $id
MATCH (a:Account {id: $id})
RETURN a {.id, .email, .name, .role, .createdAt} AS account
