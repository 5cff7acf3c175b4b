// Converts driver values (Integer, temporal types, nodes) into plain JSON-friendly JavaScript values.
import neo4j from 'neo4j-driver';

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans as they are (most values: a list of 10,000 ids is checked in one step each).
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value)
  ) {
    return value.toString();
  }
  if (neo4j.isDateTime(value)) {
    // DateTime.toString() keeps nanoseconds and zone ids; a JS Date gives the ISO form clients expect.
    return value.toStandardDate().toISOString();
  }
  if (neo4j.isDuration(value)) return value.toString();
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
