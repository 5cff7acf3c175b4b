// Creates an account. Emails are unique (constraint account_email): a second account with the same
// email fails the constraint, which the caller reports as a conflict. The password is stored hashed.
// Params: $id, $email, $name, $passwordHash, $role, $now (ISO date-time)
CREATE (a:Account {
  id: $id, email: $email, name: $name, passwordHash: $passwordHash, role: $role,
  createdAt: datetime($now), updatedAt: datetime($now)
})
RETURN a {.id, .email, .name, .role, .createdAt} AS account
