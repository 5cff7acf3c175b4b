// Registered organisations (any status but archived) with this identity key: normalised name | site.
// Params: $key
MATCH (o:Organisation {identityKey: $key})
RETURN o.id AS id, o.status AS status
