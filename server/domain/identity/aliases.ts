// Aliases: the ids an organisation was also known by (records merged into it, by an import or a curator's
// merge). Everything that takes an organisation id resolves them first (../shared/API-CONTRACT.md
// "Organisation identity"): an id is either an organisation's own id or an alias, never both.
import type { QueryRunner } from '../../common/queryRunner.ts';

/** For each id, the organisation id it names (itself, or an alias's organisation); unknown ids map to themselves. */
export async function resolveOrganisationIds(runner: QueryRunner, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await runner.read<{ requested: string; id: string }>('resolveOrganisationIds', {
    ids: [...new Set(ids)],
  });
  const byId = new Map(rows.map((r) => [r.requested, r.id]));
  return ids.map((id) => byId.get(id) ?? id);
}
