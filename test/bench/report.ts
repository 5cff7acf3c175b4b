// Renders one benchmark run as a Markdown section of RESULTS.md: what ran and on what, one table row per
// comparison, the goals, then the notes of each comparison.
import fs from 'node:fs';
import { ratio, type Comparison } from './measure.ts';

export const RESULTS_HEADER = `# Benchmark results

Appended by \`npm run bench\`, one section per run, newest last (see README.md in this folder for what each
benchmark measures). The ratio is ours / baseline on the medians, measured side by side in the same run:
below 1 our code is faster.
`;

export interface Goal {
  what: string;
  /** The measured value in words, e.g. "p95 12.3 ms". */
  measured: string;
  met: boolean;
}

function formatValue(value: number, unit: Comparison['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === 's' ? 2 : value < 10 ? 2 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

export function renderSection(
  title: string,
  facts: string[],
  comparisons: Comparison[],
  goals: Goal[] = [],
): string {
  const lines = [
    `## ${title}`,
    '',
    ...facts.map((f) => `- ${f}`),
    '',
    ...(comparisons.length === 0
      ? []
      : [
          '| benchmark | ours median | ours p95 | ours p99 | baseline median | baseline p95 | ratio (ours/baseline) | samples per side |',
          '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
          ...comparisons.map((c) =>
            [
              '',
              c.name,
              formatValue(c.ours.median, c.unit),
              formatValue(c.ours.p95, c.unit),
              formatValue(c.ours.p99, c.unit),
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
        ]),
    ...(goals.length === 0
      ? []
      : [
          '**Goals**',
          '',
          ...goals.map((g) => `- ${g.met ? 'met' : '**NOT met**'}: ${g.what} — ${g.measured}`),
          '',
        ]),
    ...comparisons.flatMap((c) => [`**${c.name}**`, '', ...c.notes.map((n) => `- ${n}`), '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Appends a section to the results file (creating it with its header). */
export function appendSection(file: string, section: string): void {
  if (!fs.existsSync(file)) fs.writeFileSync(file, RESULTS_HEADER);
  fs.appendFileSync(file, `\n${section}`);
}
