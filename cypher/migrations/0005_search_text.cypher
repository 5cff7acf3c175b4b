// Search also finds organisations by the names of their places and themes, and by the acronym of their
// name: a new full-text index over those properties (the import sets them from now on), and the
// properties filled in for the organisations already stored (same rules as acronymOf in
// server/domain/search.ts).
DROP INDEX organisation_search IF EXISTS;
CREATE FULLTEXT INDEX organisation_search_text IF NOT EXISTS FOR (o:Organisation) ON EACH [o.name, o.description, o.identifierText, o.placeText, o.themeText, o.acronym];
MATCH (o:Organisation)
CALL (o) {
  WITH o,
       [w IN split(replace(replace(replace(o.name, '-', ' '), '&', ' '), '/', ' '), ' ')
        WHERE w =~ '^\\p{L}.*' AND NOT toLower(w) IN ['and', 'of', 'the', 'for', 'in', 'on', 'at', 'de', 'la', 'le', 'du', 'des', 'und']] AS words
  WITH o, reduce(a = '', w IN words | a + upper(left(w, 1))) AS acronym,
       trim(reduce(s = '', n IN COLLECT { MATCH (o)-[:LOCATED_IN]->(:Place)-[:IN*0..2]->(p:Place) RETURN p.name } | s + ' ' + n)) AS placeText,
       trim(reduce(s = '', n IN COLLECT { MATCH (o)-[:WORKS_ON]->(t:Theme) RETURN t.name } | s + ' ' + n)) AS themeText
  SET o.acronym = CASE WHEN size(acronym) >= 3 THEN acronym ELSE null END,
      o.placeText = CASE WHEN placeText = '' THEN null ELSE placeText END,
      o.themeText = CASE WHEN themeText = '' THEN null ELSE themeText END
} IN TRANSACTIONS OF 1000 ROWS;
