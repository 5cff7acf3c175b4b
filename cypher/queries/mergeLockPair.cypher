// Locks the two organisations of a merge (concurrent changes to either wait) and returns their properties.
// Params: $keep, $merge
UNWIND [$keep, $merge] AS id
MATCH (o:Organisation {id: id})
SET o.revision = coalesce(o.revision, 0) + 1
RETURN o {.*} AS organisation
