// The repair codes of the import report (README "Repairs": a warning each, an error under --strict), defined
// once: importers, the atlas reader and the run report only these; callers and tests key on the code, never
// on message wording. test/unit/import/repairCodes.test.ts checks the README's table lists exactly these.

export const REPAIR_CODES = [
  'WEBSITE_WITHOUT_SCHEME',
  'NOT_A_URL',
  'LOCATION',
  'NOT_A_PLACE',
  'NOT_A_REGION',
  'MONTH_ONLY_DATE',
  'PLACEHOLDER_ID',
  'BAD_IDENTIFIER',
  'IDENTIFIER_REPAIRED',
  'NAME_VARIES',
  'CLOSED_WITHOUT_DATE',
  'BAD_DATE_DROPPED',
  'DATE_ORDER_DROPPED',
  'MISSING_DATE',
  'STAGE_ASSUMED',
  'NULL_ISLAND',
  'UNKNOWN_TAG',
  'UNKNOWN_COUNTRY',
] as const;
export type RepairCode = (typeof REPAIR_CODES)[number];
