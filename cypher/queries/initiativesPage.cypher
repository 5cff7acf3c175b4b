// A page of initiatives matching the filter, newest first (undated last, then by id), after the cursor
// (keyset: $afterStart is the cursor's start day as text, '' for undated; $afterId '' for the first page).
// Params: $stages, $themeIds, $participantIds, $text (lower case), $afterStart, $afterId, $limit
MATCH (i:Initiative)
WHERE ($stages IS NULL OR i.stage IN $stages)
  AND ($themeIds IS NULL OR EXISTS { (i)-[:ADDRESSES]->(t:Theme) WHERE t.id IN $themeIds })
  AND ($participantIds IS NULL OR EXISTS {
        (o:Organisation)-[:PARTICIPATES_IN]->(i) WHERE o.id IN $participantIds AND o.status = 'PUBLISHED'
      })
  AND ($text IS NULL OR toLower(i.name) CONTAINS $text OR toLower(coalesce(i.description, '')) CONTAINS $text)
WITH i, coalesce(toString(i.startDate), '') AS start
WHERE $afterId = ''
   OR (start <> '' AND $afterStart <> '' AND start < $afterStart)
   OR ($afterStart <> '' AND start = '')
   OR (start = $afterStart AND i.id > $afterId)
RETURN i.id AS id, start
ORDER BY start = '', start DESC, i.id
LIMIT toInteger($limit)
