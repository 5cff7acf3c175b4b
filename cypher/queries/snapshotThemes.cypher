// Every theme a published organisation works on or an initiative addresses, for the in-memory network
// snapshot (themes only pending registrations name stay out of facets and search suggestions until a
// curator publishes them).
// Params: none
MATCH (t:Theme)
WHERE EXISTS { (t)<-[:WORKS_ON]-(o:Organisation) WHERE o.status = 'PUBLISHED' }
   OR EXISTS { (t)<-[:ADDRESSES]-(:Initiative) }
RETURN t.id AS id, t.name AS name
