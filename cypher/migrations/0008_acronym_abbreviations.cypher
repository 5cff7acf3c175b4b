// A name that opens with an abbreviation of two or three capitals (in a name that is not all capitals)
// keeps it whole in its acronym, so "HMRC" finds "HM Revenue & Customs" (before: "HRC"). The acronym of
// every such organisation already stored is worked out again by the rule of acronymOf in
// server/domain/search.ts (the words as 0005_search_text.cypher splits and keeps them).
MATCH (o:Organisation)
WHERE o.name =~ '(?s).*\\p{Ll}.*'
CALL (o) {
  WITH o,
       [w IN split(replace(replace(replace(replace(replace(replace(o.name, '-', ' '), '&', ' '), '/', ' '), '\t', ' '), '\n', ' '), '\r', ' '), ' ')
        WHERE w =~ '^\\p{L}.*' AND NOT toLower(w) IN ['and', 'of', 'the', 'for', 'in', 'on', 'at', 'de', 'la', 'le', 'du', 'des', 'und']] AS words
  WITH o, words WHERE size(words) > 0 AND words[0] =~ '^\\p{Lu}{2,3}$'
  WITH o, words[0] + reduce(a = '', w IN words[1..] | a + upper(left(w, 1))) AS acronym
  SET o.acronym = acronym
} IN TRANSACTIONS OF 1000 ROWS;
