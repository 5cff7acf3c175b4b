// How many initiatives match the filter (the same filter as initiativesPage).
// Params: $stages, $themeIds, $participantIds, $text (lower case)
MATCH (i:Initiative)
WHERE ($stages IS NULL OR i.stage IN $stages)
  AND ($themeIds IS NULL OR EXISTS { (i)-[:ADDRESSES]->(t:Theme) WHERE t.id IN $themeIds })
  AND ($participantIds IS NULL OR EXISTS {
        (o:Organisation)-[:PARTICIPATES_IN]->(i) WHERE o.id IN $participantIds AND o.status = 'PUBLISHED'
      })
  AND ($text IS NULL OR toLower(i.name) CONTAINS $text OR toLower(coalesce(i.description, '')) CONTAINS $text)
RETURN count(i) AS count
