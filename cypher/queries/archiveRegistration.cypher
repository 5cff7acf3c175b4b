// Rejects a registration: the organisation is archived (never public) and gives up its identity key,
// so the organisation can be registered again, correctly.
// Params: $organisationId, $now (ISO date-time)
MATCH (o:Organisation {id: $organisationId})
SET o.status = 'ARCHIVED', o.updatedAt = datetime($now)
REMOVE o.identityKey
RETURN o.id AS id
