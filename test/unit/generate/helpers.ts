// Shared checks for generated datasets: degree counts and the structural rules FORMAT.md asks of every import.
import type { Dataset } from '../../../server/domain/model.ts';

export function degrees(dataset: Dataset): number[] {
  const degree = new Map<string, number>(dataset.organisations.map((o) => [o.id, 0]));
  for (const r of dataset.relationships) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  return [...degree.values()].sort((a, b) => a - b);
}

export function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

/** True calendar date YYYY-MM-DD (2025-02-29 is not). */
export function isCalendarDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  );
}

/** Every broken rule, as readable lines (empty when the dataset is sound). */
export function structuralViolations(dataset: Dataset): string[] {
  const out: string[] = [];
  const orgIds = new Set(dataset.organisations.map((o) => o.id));
  const iniIds = new Set(dataset.initiatives.map((i) => i.id));
  for (const id of duplicates(dataset.organisations.map((o) => o.id)))
    out.push(`duplicate organisation ${id}`);
  for (const id of duplicates(dataset.relationships.map((r) => r.id)))
    out.push(`duplicate relationship ${id}`);
  for (const id of duplicates(dataset.initiatives.map((i) => i.id))) out.push(`duplicate initiative ${id}`);
  const pairs = dataset.relationships.map((r) => [r.source, r.target].sort().join('|'));
  for (const pair of duplicates(pairs)) out.push(`two relationships between ${pair}`);
  for (const r of dataset.relationships) {
    if (r.source === r.target) out.push(`${r.id} is a self loop`);
    if (!orgIds.has(r.source) || !orgIds.has(r.target)) out.push(`${r.id} has an unknown end`);
    if (r.since !== null && !isCalendarDate(r.since)) out.push(`${r.id} since ${r.since}`);
    if (r.until !== null && !isCalendarDate(r.until)) out.push(`${r.id} until ${r.until}`);
    if (r.since !== null && r.until !== null && r.until < r.since) out.push(`${r.id} ends before it starts`);
    if (r.amount !== null && (r.amount < 0 || !r.currency)) out.push(`${r.id} amount without currency`);
  }
  for (const i of dataset.initiatives) {
    if (i.startDate !== null && i.endDate !== null && i.endDate < i.startDate)
      out.push(`${i.id} ends before it starts`);
  }
  const byInitiative = new Map<string, string[]>();
  for (const p of dataset.participations) {
    if (!iniIds.has(p.initiative) || !orgIds.has(p.organisation))
      out.push(`participation ${p.initiative}/${p.organisation}`);
    byInitiative.set(p.initiative, [...(byInitiative.get(p.initiative) ?? []), p.role]);
  }
  for (const [id, roles] of byInitiative) {
    if (roles.length < 2 || roles.length > 8) out.push(`${id} has ${roles.length} participants`);
    if (roles.filter((r) => r === 'LEAD').length !== 1) out.push(`${id} needs exactly one lead`);
  }
  for (const key of duplicates(dataset.participations.map((p) => `${p.initiative}|${p.organisation}`))) {
    out.push(`participation listed twice: ${key}`);
  }
  return out;
}
