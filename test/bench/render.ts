// The rendering benchmark (`npm run bench -- --only render`): the explorer's Cytoscape settings ("ours":
// client/graph's stylesheet, options, layout and renderer settings) against plain Cytoscape defaults
// ("baseline": default stylesheet, canvas renderer, cose), on one scene of 5,000 nodes and 10,000 edges, in
// Debian's CPU-only headless Chromium at 1920×1080. The page (renderPage.ts) is bundled with Vite into a
// temporary folder and loaded into a blank page: nothing goes over the network.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { BIG_LAYOUT_ABOVE } from '../../client/graph/layouts.ts';
import { launchChromium } from '../support/browser.ts';
import { percentile, summarise, type Comparison } from './measure.ts';
import type { Goal } from './report.ts';
import type { FrameRecording, LayoutRun, Side } from './renderPage.ts';

export const RENDER_SCENE = { nodes: 5_000, edges: 10_000, seed: 42 } as const;
export const VIEWPORT = { width: 1920, height: 1080 } as const;
/** How long the view is panned and zoomed, per side. */
export const PAN_ZOOM_MS = 5_000;
/** Quiet time between the first frame and the first gesture, on both sides. */
export const SETTLE_BEFORE_INPUT_MS = 2_000;
/** A frame longer than this is a visible stutter. */
export const SLOW_FRAME_MS = 50;
/** The baseline's cose is stopped here (it takes over a minute at this size: ../shared/STACK.md). */
export const BASELINE_LAYOUT_CAP_MS = 10_000;
export const GOALS = { slowShare: 0.1, layoutSeconds: 1.2 } as const;

const PAGE_ENTRY = fileURLToPath(new URL('./renderPage.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Bundles the page (Cytoscape, fcose and client/graph included) into one classic script. */
export async function bundlePage(): Promise<{ file: string; dispose: () => void }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-render-bench-'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      reportCompressedSize: false,
      lib: { entry: PAGE_ENTRY, formats: ['iife'], name: 'atlasRenderBench', fileName: () => 'bench.js' },
    },
  });
  return {
    file: path.join(outDir, 'bench.js'),
    dispose: () => fs.rmSync(outDir, { recursive: true, force: true }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 5 s of what a user does, as real input events (Cytoscape's viewport options only act on user gestures,
 * never on cy.viewport() from code): a drag from an empty spot along a loop, wheel zooming in at the centre,
 * another drag, wheel zooming out. Each phase lasts a fixed share of the time, whatever the frame rate.
 */
async function panAndZoom(page: Page, ms: number): Promise<FrameRecording> {
  const phases: { kind: 'pan' | 'in' | 'out'; share: number }[] = [
    { kind: 'pan', share: 0.3 },
    { kind: 'in', share: 0.2 },
    { kind: 'pan', share: 0.3 },
    { kind: 'out', share: 0.2 },
  ];
  const centre = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
  await page.evaluate(() => window.renderBench.startRecording());
  const started = performance.now();
  let end = 0;
  for (const phase of phases) {
    const from = end;
    end += phase.share * ms;
    const elapsed = () => performance.now() - started;
    if (phase.kind === 'pan') {
      const p = await page.evaluate(() => window.renderBench.emptyPoint());
      await page.mouse.move(p.x, p.y);
      await page.mouse.down();
      while (elapsed() < end) {
        const t = (elapsed() - from) / (end - from);
        const angle = 2 * Math.PI * Math.min(1, t);
        await page.mouse.move(p.x + 250 * Math.sin(angle), p.y + 150 * (1 - Math.cos(angle)));
        await sleep(16);
      }
      await page.mouse.up();
    } else {
      await page.mouse.move(centre.x, centre.y);
      while (elapsed() < end) {
        await page.mouse.wheel(0, phase.kind === 'in' ? -100 : 100);
        await sleep(60);
      }
    }
  }
  return page.evaluate(() => window.renderBench.stopRecording());
}

interface FrameFigures {
  frames: number;
  totalMs: number;
  slowShare: number;
  p95: number;
  p99: number;
  median: number;
}

function frameFigures(recording: FrameRecording): FrameFigures {
  const frames = recording.frames.slice(1); // the first interval starts before the input does
  const totalMs = frames.reduce((sum, f) => sum + f, 0);
  const slow = frames.filter((f) => f > SLOW_FRAME_MS).reduce((sum, f) => sum + f, 0);
  return {
    frames: frames.length,
    totalMs,
    slowShare: totalMs > 0 ? slow / totalMs : Number.NaN,
    p95: percentile(frames, 95),
    p99: percentile(frames, 99),
    median: percentile(frames, 50),
  };
}

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

export interface RenderResult {
  comparisons: Comparison[];
  goals: Goal[];
  facts: string[];
}

export async function benchRender(layoutRuns: number, log: (line: string) => void): Promise<RenderResult> {
  log('bundling the benchmark page with Vite');
  const bundle = await bundlePage();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // Nothing may come from the network: the page and its script are local.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(
      '<!doctype html><html><body style="margin:0"><div id="cy" style="position:absolute;inset:0"></div></body></html>',
    );
    await page.addScriptTag({ path: bundle.file });
    const scene = await page.evaluate((size) => window.renderBench.scene(size), RENDER_SCENE);
    log(`scene: ${scene.nodes} nodes, ${scene.edges} edges`);

    const layouts: Record<Side, LayoutRun[]> = { ours: [], baseline: [] };
    for (let round = 0; round < layoutRuns; round++) {
      const order: Side[] = round % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
      for (const side of order) {
        // The baseline is far above the cap at this size: once it has hit it, further runs only cost time.
        if (side === 'baseline' && layouts.baseline.some((run) => run.capped)) continue;
        const run = await page.evaluate(([s, cap]) => window.renderBench.layout(s, cap), [
          side,
          BASELINE_LAYOUT_CAP_MS,
        ] as const);
        layouts[side].push(run);
        log(
          `layout ${round + 1}/${layoutRuns}, ${side} (${run.layout}): ${(run.ms / 1000).toFixed(2)} s${run.capped ? ' (stopped at the cap)' : ''}`,
        );
      }
    }
    // Both sides are drawn at the positions of ours' last layout (the page keeps them).

    const frames: Partial<
      Record<
        Side,
        FrameFigures & { firstFrameMs: number; settings: string; zoomRange: [number, number]; panned: number }
      >
    > = {};
    for (const side of ['ours', 'baseline'] as const) {
      const shown = await page.evaluate((s) => window.renderBench.show(s), side);
      log(
        `${side}: first frame ${(shown.firstFrameMs / 1000).toFixed(2)} s; panning and zooming for ${PAN_ZOOM_MS / 1000} s`,
      );
      // A user looks at the picture before moving it; Cytoscape builds its cached layers meanwhile.
      await sleep(SETTLE_BEFORE_INPUT_MS);
      const recording = await panAndZoom(page, PAN_ZOOM_MS);
      const figures = frameFigures(recording);
      frames[side] = { ...figures, ...shown, zoomRange: recording.zoomRange, panned: recording.panned };
      log(
        `${side}: ${figures.frames} frames, ${pct(figures.slowShare)} of the time in frames over ${SLOW_FRAME_MS} ms, p95 ${figures.p95.toFixed(0)} ms`,
      );
    }
    if (errors.length > 0) throw new Error(`the benchmark page reported errors: ${errors.join('; ')}`);
    const ours = frames.ours!;
    const baseline = frames.baseline!;

    const layoutSummary = (runs: LayoutRun[]) => summarise(runs.map((r) => r.ms / 1000));
    const oursLayout = layoutSummary(layouts.ours);
    const baselineLayout = layoutSummary(layouts.baseline);
    const baselineCapped = layouts.baseline.some((r) => r.capped);
    const frameSummary = (f: FrameFigures) => ({
      samples: f.frames,
      median: f.median,
      p95: f.p95,
      p99: f.p99,
    });
    const comparisons: Comparison[] = [
      {
        name: 'render: frame interval while panning and zooming',
        unit: 'ms',
        ours: frameSummary(ours),
        baseline: frameSummary(baseline),
        notes: [
          `${PAN_ZOOM_MS / 1000} s per side of real input events (two drags from an empty spot, wheel zooming in and out at the centre), intervals between requestAnimationFrame callbacks`,
          `ours: ${ours.frames} frames, ${pct(ours.slowShare)} of the time in frames over ${SLOW_FRAME_MS} ms, p95 ${ours.p95.toFixed(1)} ms; first frame ${(ours.firstFrameMs / 1000).toFixed(2)} s; renderer: ${ours.settings}; zoom ${ours.zoomRange[0].toFixed(3)}–${ours.zoomRange[1].toFixed(3)}`,
          `baseline: ${baseline.frames} frames, ${pct(baseline.slowShare)} of the time in frames over ${SLOW_FRAME_MS} ms, p95 ${baseline.p95.toFixed(1)} ms; first frame ${(baseline.firstFrameMs / 1000).toFixed(2)} s; renderer: ${baseline.settings}; zoom ${baseline.zoomRange[0].toFixed(3)}–${baseline.zoomRange[1].toFixed(3)}`,
          baseline.slowShare > 0
            ? `share of time in slow frames, ours / baseline: ${(ours.slowShare / baseline.slowShare).toFixed(2)}`
            : `share of time in slow frames: the baseline has none, ours ${pct(ours.slowShare)}`,
          'ours: the stylesheet of client/graph/style.ts, the options of client/graph/render.ts (wheelSensitivity 0.6, zoom 0.1–3), the settings applyRenderSettings gives this size (renderer fields, and above 3,000 elements the stylesheet for big scenes: haystack ties without arrowheads), names placed by updateLabels after each settled zoom, pointer hit tests through the index of client/graph/hitTest.ts (all as GraphView.tsx); baseline: cytoscape({container}) with every default (wheelSensitivity 1, unbounded zoom), no labels',
          `both sides draw the same nodes at the same positions (the last layout of ours), fitted to the view; input starts ${SETTLE_BEFORE_INPUT_MS / 1000} s after the first frame`,
        ],
      },
      {
        name: 'render: layout to layoutstop',
        unit: 's',
        ours: oursLayout,
        baseline: baselineLayout,
        notes: [
          `ours: what applyElements of client/graph/sync.ts does for a fresh view: applyRenderSettings for the size before the elements are added (untimed, like the adding), then runLayout(cy, fullLayout(${RENDER_SCENE.nodes})) (layout '${layouts.ours[0]?.layout ?? ''}': above ${BIG_LAYOUT_ABOVE.toLocaleString('en')} nodes the layout of big scenes of client/graph/bigLayout.ts, Pivot MDS per component over typed arrays, seeded; fcose up to it), ${layouts.ours.length} runs: ${layouts.ours.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s`,
          `baseline: cose with every default but refresh 1 (one iteration per animation frame, so it can be stopped near the cap), ${layouts.baseline.length} run${layouts.baseline.length === 1 ? '' : 's'}: ${layouts.baseline.map((r) => `${(r.ms / 1000).toFixed(2)} s${r.capped ? ' (stopped at the cap, unfinished)' : ''}`).join(', ')}${baselineCapped ? `; stopped at ${BASELINE_LAYOUT_CAP_MS / 1000} s, so its figures and the ratio are lower bounds, and no further baseline runs were made` : ''}`,
          'each run on a fresh Cytoscape instance holding the scene, timed from the layout call (runLayout for ours: building the layout, computing and writing every position; layout.run() for the baseline) to layoutstop',
        ],
      },
    ];
    const goals: Goal[] = [
      {
        what: `render: at most ${GOALS.slowShare * 100} % of the time in frames over ${SLOW_FRAME_MS} ms while panning and zooming ${RENDER_SCENE.nodes.toLocaleString('en')} nodes / ${RENDER_SCENE.edges.toLocaleString('en')} edges`,
        measured: `${pct(ours.slowShare)} (p95 frame ${ours.p95.toFixed(0)} ms; baseline ${pct(baseline.slowShare)}, p95 ${baseline.p95.toFixed(0)} ms)`,
        met: ours.slowShare <= GOALS.slowShare,
      },
      {
        what: `render: layout to stable ≤ ${GOALS.layoutSeconds} s (median of ${layouts.ours.length} runs)`,
        measured: `median ${oursLayout.median.toFixed(2)} s (baseline ${baselineCapped ? '>' : ''}${baselineLayout.median.toFixed(2)} s)`,
        met: oursLayout.median <= GOALS.layoutSeconds,
      },
    ];
    const version = await browser.version();
    const facts = [
      `scene: ${scene.nodes.toLocaleString('en')} nodes, ${scene.edges.toLocaleString('en')} edges (seed ${RENDER_SCENE.seed}; clusters of 50, 70 % of the ties inside one; sectors ${Object.entries(
        scene.sectors,
      )
        .map(([s, n]) => `${s} ${n}`)
        .join(
          ', ',
        )}; every tie kind; trust 40 % imported, 25 % sourced, 20 % confirmed, 10 % claimed (dashed), 5 % disputed (dotted))`,
      `browser: Chromium ${version} (${process.env.CHROMIUM_PATH ?? 'Debian package'}), headless, --disable-gpu (CPU only), ${VIEWPORT.width}×${VIEWPORT.height}, device pixel ratio 1`,
    ];
    return { comparisons, goals, facts };
  } finally {
    await browser.close();
    bundle.dispose();
  }
}
