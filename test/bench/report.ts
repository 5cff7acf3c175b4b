// Renders a benchmark run as Markdown: the run's context, one table row per comparison, then the notes.
import { ratio, type Comparison } from './measure.ts';

export interface RunContext {
  date: string;
  machine: string;
  node: string;
  neo4j: string;
  organisations: number;
  relationships: number;
  seed: number;
  rounds: number;
  durationSeconds: number;
  /** Extra lines for the context list (heap use, the first import). */
  facts: string[];
}

function formatValue(value: number, unit: Comparison['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === 's' ? 2 : value < 10 ? 2 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

export function renderReport(context: RunContext, comparisons: Comparison[]): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (see README.md in this folder for what each benchmark measures). The ratio is',
    'ours / baseline on the medians, measured side by side in the same run: below 1 our code is faster.',
    '',
    `- date: ${context.date}`,
    `- machine: ${context.machine}`,
    `- Node ${context.node}, ${context.neo4j}`,
    `- data: ${context.organisations} organisations, ${context.relationships} relationships (synthetic, seed ${context.seed})`,
    `- ${context.rounds} measured round${context.rounds === 1 ? '' : 's'} after one warm-up round; whole run ${context.durationSeconds.toFixed(0)} s`,
    ...context.facts.map((f) => `- ${f}`),
    '',
    '| benchmark | ours median | ours p95 | baseline median | baseline p95 | ratio (ours/baseline) | samples per side |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...comparisons.map((c) =>
      [
        '',
        c.name,
        formatValue(c.ours.median, c.unit),
        formatValue(c.ours.p95, c.unit),
        formatValue(c.baseline.median, c.unit),
        formatValue(c.baseline.p95, c.unit),
        Number.isFinite(ratio(c)) ? ratio(c).toFixed(2) : 'n/a',
        String(c.ours.samples),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
    '',
    ...comparisons.flatMap((c) => [`**${c.name}**`, '', ...c.notes.map((n) => `- ${n}`), '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
