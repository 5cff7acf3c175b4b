/// <reference lib="dom" />
// The details panel's tabs (Overview, Find partners, How connected?) fit the panel at every desktop width
// from 721 px (below it is the phone's sheet) to 1920 px: each tab lies wholly inside the panel, its label is
// not cut inside the button, and the tab list does not scroll sideways. QA18 L10: at 1100 px the panel is
// 340 px wide and "How connected?" was clipped at its right edge. Screenshots go to test/.artifacts/screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchedPage } from '../support/browser.ts';
import { startExplorerWithDemo, type ExplorerRig } from '../support/explorer.ts';
import { ROOT } from '../support/processes.ts';

const SHOTS = path.join(ROOT, 'test/.artifacts/screenshots');
const WIDTHS = [721, 900, 1100, 1440, 1920];
/** The demo's best connected organisation: a long name, every tab. */
const ORG = 'org-fernleigh-trust';

let rig: ExplorerRig;

beforeAll(async () => {
  rig = await startExplorerWithDemo();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await rig?.close();
});

interface TabFit {
  id: string;
  label: string;
  left: number;
  right: number;
  /** The label's width beyond the button's (0 when it fits). */
  cut: number;
}

describe('the details tabs', () => {
  it('lie wholly inside the details panel from 721 to 1920 px wide', async () => {
    const { page, errors } = await watchedPage(rig.browser, rig.server.url, { width: 1100, height: 800 });
    await page.goto(`${rig.server.url}/?org=${ORG}&sel=${ORG}&tab=connect`);
    await page.getByTestId('tab-connect').waitFor({ timeout: 30_000 });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width >= 1440 ? 900 : 800 });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.clientWidth), { timeout: 10_000 })
        .toBe(width);
      const fit = await page.evaluate(() => {
        const panel = document.querySelector<HTMLElement>('[data-testid="details-panel"]')!;
        const box = panel.getBoundingClientRect();
        const list = panel.querySelector<HTMLElement>('[role="tablist"]')!;
        const tabs: TabFit[] = Array.from(list.querySelectorAll<HTMLElement>('[role="tab"]')).map((tab) => {
          const r = tab.getBoundingClientRect();
          return {
            id: tab.dataset.testid ?? '',
            label: tab.textContent ?? '',
            left: r.left,
            right: r.right,
            cut: tab.scrollWidth - tab.clientWidth,
          };
        });
        return {
          panelLeft: box.left + panel.clientLeft,
          // The panel's visible inside: without its border and a vertical scroll bar.
          panelRight: box.left + panel.clientLeft + panel.clientWidth,
          listScroll: list.scrollWidth - list.clientWidth,
          panelScroll: panel.scrollWidth - panel.clientWidth,
          tabs,
        };
      });
      expect(
        fit.tabs.map((t) => t.id),
        `${width} px`,
      ).toEqual(['tab-overview', 'tab-partners', 'tab-connect']);
      for (const tab of fit.tabs) {
        expect(tab.left, `${width} px: ${tab.label} starts inside the panel`).toBeGreaterThanOrEqual(
          fit.panelLeft,
        );
        expect(tab.right, `${width} px: ${tab.label} ends inside the panel`).toBeLessThanOrEqual(
          fit.panelRight + 0.5,
        );
        expect(tab.cut, `${width} px: ${tab.label}'s label fits its button`).toBeLessThanOrEqual(0);
      }
      expect(fit.listScroll, `${width} px: the tab list does not scroll sideways`).toBeLessThanOrEqual(0);
      expect(fit.panelScroll, `${width} px: the panel does not scroll sideways`).toBeLessThanOrEqual(0);
      if (width === 1100 || width === 1440) {
        await page.screenshot({ path: path.join(SHOTS, `details-tabs-${width}.png`) });
      }
    }
    // The phone's sheet (below 721 px) shows the same tabs in its peek: a picture to look at.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('details-panel').locator('[role="tablist"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'details-tabs-390.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
