// Updates stored relationships (same id, kind and ends) with the file's values; missing provenance
// (who, when) keeps what was recorded on first import.
// Params: $relationships: [{elementId, since, until, props, recordedBy, recordedAt}], $now, $importedBy
UNWIND $relationships AS row
MATCH ()-[r]->()
WHERE elementId(r) = row.elementId
SET r += row.props,
    r.since = date(row.since),
    r.until = date(row.until),
    r.recordedBy = coalesce(row.recordedBy, r.recordedBy, $importedBy),
    r.recordedAt = coalesce(row.recordedAt, r.recordedAt, $now)
RETURN count(r) AS relationships
