// 0008 left a two-capital abbreviation standing alone as the acronym ("EU (draft)" → "EU"), where acronymOf in
// server/domain/search.ts keeps none shorter than three letters (as 0005 does): such acronyms are removed.
MATCH (o:Organisation)
WHERE size(o.acronym) < 3
SET o.acronym = null;
