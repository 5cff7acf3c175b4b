// Merge, step 1: every relationship of the merged organisation moves to the kept one with the same
// kind, direction, id and properties (trust, provenance, consent). A relationship between the two would
// become a tie of the kept organisation with itself: it is removed (the caller records that in history).
// A proposal made on behalf of the merged organisation is now made on behalf of the kept one
// (proposingOrganisationId), so consent keeps working.
// Params: $keep, $merge
MATCH (m:Organisation {id: $merge})
MATCH (k:Organisation {id: $keep})
MATCH (m)-[r:PARTNERSHIP|FUNDING|MEMBERSHIP|PART_OF|INVESTMENT|DATA_SHARING|ADOPTION]-(other:Organisation)
WITH k, r, other, type(r) AS kind, startNode(r) = m AS outgoing,
     CASE WHEN r.proposingOrganisationId = $merge
       THEN r {.*, proposingOrganisationId: $keep}
       ELSE properties(r) END AS props
DELETE r
WITH k, other, kind, props, outgoing
CALL (k, other, kind, props, outgoing) {
  WITH k, other, kind, props, outgoing WHERE other <> k AND outgoing
  CREATE (k)-[n:$(kind)]->(other)
  SET n = props
  RETURN 'moved' AS outcome
  UNION ALL
  WITH k, other, kind, props, outgoing WHERE other <> k AND NOT outgoing
  CREATE (other)-[n:$(kind)]->(k)
  SET n = props
  RETURN 'moved' AS outcome
  UNION ALL
  WITH k, other, kind, props, outgoing WHERE other = k
  RETURN 'removed' AS outcome
}
RETURN props.id AS id, kind, outgoing, other.id AS otherId, outcome, props.trust AS trust
