// How many relationships between organisations are stored (from the count store: constant time). A run into
// a database without any needs no look-ups of stored relationships.
// Params: none
CALL () {
  MATCH ()-[r:PARTNERSHIP]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:FUNDING]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:MEMBERSHIP]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:PART_OF]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:INVESTMENT]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:DATA_SHARING]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:ADOPTION]->() RETURN count(r) AS n
}
RETURN sum(n) AS count
