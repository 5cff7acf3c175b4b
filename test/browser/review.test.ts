/// <reference lib="dom" />
// A curator decides on what a request says, in a real Chromium (QA18 M3, L11):
// - a member registers through the form, typing the website as a bare domain: the form shows and sends
//   https://<domain>, and that is what is stored;
// - the review queue's registration item shows everything the registration says — sector, kind, place,
//   website, description (its line breaks kept), themes and identifiers;
// - a claim's item shows the organisation claimed, as listed, with the claimant's evidence.
// Screenshots at 1440×900 and 390×844 go to test/.artifacts/screenshots (review-*.png).
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOf, makeAccount, PASSWORD, signedIn } from '../support/accounts.ts';
import {
  DESKTOP,
  openAccountsRig,
  type AccountsRig,
  PHONE,
  POLL,
  screenshotter,
  signInThroughHeader,
} from '../support/accountPages.ts';
import type { BrowserClient } from '../support/browserClient.ts';
import { uniquePrefix, type TestDb } from '../support/db.ts';
import type { TestServer } from '../support/server.ts';

let db: TestDb;
let server: TestServer;
const prefix = uniquePrefix('rvq');
let rig: AccountsRig | undefined;
/** A curator signed in over HTTP, to read what was stored. */
let curatorApi: BrowserClient;
/** The published organisation a member claims. */
let claimed: { id: string; name: string };
/** The other end of the partnership it proposes. */
let partner: { id: string; name: string };

const registration = {
  name: `${prefix} Código para São Paulo`,
  domain: `${prefix}-codigosp.example.org`,
  kind: 'civic tech group',
  description: 'Volunteers opening up city data.\nMeets every Tuesday.',
  country: 'Brazil',
  city: 'São Paulo',
  themes: 'Open data, Digital inclusion',
  identifiers: 'BR-CNPJ:12345678000195',
};

const newPage = (viewport = DESKTOP) => rig!.pages.open(viewport);

const shoot = screenshotter('review');

/** The queue of one kind, page by page until the item about `name` is listed. */
async function queueItem(page: Page, kind: string, name: string): Promise<Locator> {
  await page.getByTestId('review-kind').selectOption(kind);
  const item = page.getByTestId('review-item').filter({ hasText: name });
  await expect
    .poll(
      async () => {
        if ((await item.count()) > 0) return true;
        const more = page.getByTestId('review-more');
        if ((await more.count()) > 0) await more.click();
        return false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return item;
}

async function openQueue(page: Page) {
  await page.goto(server.url);
  await signInThroughHeader(page, emailOf(prefix, 'curator'));
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByTestId('account-menu').click();
  await page.getByTestId('review-queue-link').click();
}

/** Each shown field of an organisation's content, by its data-field. */
async function fields(content: Locator): Promise<Record<string, string>> {
  return content.evaluate((el) =>
    Object.fromEntries(
      Array.from(el.querySelectorAll<HTMLElement>('[data-field]')).map((dd) => [
        dd.dataset.field!,
        dd.innerText,
      ]),
    ),
  );
}

beforeAll(async () => {
  rig = await openAccountsRig(prefix);
  ({ db, server } = rig);
  ({ browser: curatorApi } = await signedIn(db, server, prefix, 'api-curator', 'CURATOR'));
  await makeAccount(db, prefix, 'curator', 'CURATOR');
  await makeAccount(db, prefix, 'member', 'MEMBER');

  // A published organisation, registered by its owner and approved, that a second member claims.
  const { browser: owner } = await signedIn(db, server, prefix, 'owner');
  const registered = await owner.graphql<{
    registerOrganisation: { organisation: { id: string; name: string }; request: { id: string } };
  }>(
    `mutation ($input: OrganisationInput!) { registerOrganisation(input: $input) {
       organisation { id name } request { id } } }`,
    {
      input: {
        name: `${prefix} Northmoor Food Network`,
        sector: 'NGO',
        kind: 'food partnership',
        description: 'Connects food banks and growers.',
        website: `https://${prefix}-northmoor.example.org`,
        place: { country: 'United Kingdom', city: 'Leeds' },
        themes: ['Food security'],
        identifiers: ['GB-CHC:1098765'],
      },
    },
  );
  if (!registered.data) throw new Error(JSON.stringify(registered.errors));
  claimed = registered.data.registerOrganisation.organisation;
  const approved = await curatorApi.graphql(
    'mutation ($id: ID!) { approve(id: $id, reason: "Checked.") { status } }',
    { id: registered.data.registerOrganisation.request.id },
  );
  if (!approved.data) throw new Error(JSON.stringify(approved.errors));
  // A second published organisation, and a funding tie the first one's owner proposes to it.
  const { browser: otherOwner } = await signedIn(db, server, prefix, 'other-owner');
  const other = await otherOwner.graphql<{
    registerOrganisation: { organisation: { id: string; name: string }; request: { id: string } };
  }>(
    `mutation ($input: OrganisationInput!) { registerOrganisation(input: $input) {
       organisation { id name } request { id } } }`,
    { input: { name: `${prefix} Harbour Growers`, sector: 'COMPANY' } },
  );
  if (!other.data) throw new Error(JSON.stringify(other.errors));
  partner = other.data.registerOrganisation.organisation;
  const approvedOther = await curatorApi.graphql(
    'mutation ($id: ID!) { approve(id: $id, reason: "Checked.") { status } }',
    { id: other.data.registerOrganisation.request.id },
  );
  if (!approvedOther.data) throw new Error(JSON.stringify(approvedOther.errors));
  const proposed = await owner.graphql(
    'mutation ($input: ProposeRelationshipInput!) { proposeRelationship(input: $input) { id } }',
    {
      input: {
        source: claimed.id,
        target: partner.id,
        kind: 'FUNDING',
        since: '2024-03-01',
        until: '2025-02-28',
        amount: 12000,
        currency: 'GBP',
        description: 'A grant for the growers’ market.',
        sourceUrl: `https://${prefix}-northmoor.example.org/grants`,
      },
    },
  );
  if (!proposed.data) throw new Error(JSON.stringify(proposed.errors));

  const { browser: claimant } = await signedIn(db, server, prefix, 'claimant');
  const claim = await claimant.graphql(
    'mutation ($id: ID!, $evidence: String!) { claimOrganisation(id: $id, evidence: $evidence) { id } }',
    { id: claimed.id, evidence: 'I coordinate it: see the team page on its website.' },
  );
  if (!claim.data) throw new Error(JSON.stringify(claim.errors));
}, 60_000);

afterAll(async () => {
  await rig?.close();
});

describe('registering with a bare domain, and the review queue', () => {
  it('the form shows and sends https://<domain> for a website typed without a scheme', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await signInThroughHeader(page, emailOf(prefix, 'member'));
    await page.goto(`${server.url}/register`);
    const form = page.getByTestId('register-form');
    await form.getByTestId('org-name').fill(registration.name);
    await form.getByTestId('org-sector').selectOption('CIVIC_INNOVATOR');
    await form.getByTestId('org-kind').fill(registration.kind);
    await form.getByTestId('org-description').fill(registration.description);
    await form.getByTestId('org-website').fill(registration.domain);
    await form.getByTestId('org-website').blur();
    // Accepted as typed, and the address it will send is shown.
    await expect
      .poll(() => form.getByTestId('website-to-send').textContent(), POLL)
      .toBe(`Will be sent as https://${registration.domain}`);
    expect(await form.getByTestId('org-website').getAttribute('aria-invalid')).toBe('false');
    await form.getByTestId('org-country').fill(registration.country);
    await form.getByTestId('org-city').fill(registration.city);
    await form.getByTestId('org-themes').fill(registration.themes);
    await form.getByTestId('org-identifiers').fill(registration.identifiers);
    await form.getByTestId('org-website').scrollIntoViewIfNeeded();
    await shoot(page, 'register-bare-domain-1440');

    const sent = page.waitForRequest(
      (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('registerOrganisation'),
    );
    await form.getByTestId('register-submit').click();
    const body = JSON.parse((await sent).postData()!) as { variables: { input: { website: string } } };
    expect(body.variables.input.website).toBe(`https://${registration.domain}`);
    await page.getByTestId('register-done').waitFor(POLL);

    // Stored as sent.
    const queue = await curatorApi.graphql<{
      reviewQueue: { nodes: { request: { organisations: { name: string; website: string }[] } | null }[] };
    }>(
      '{ reviewQueue(kinds: [REGISTRATION], first: 100) { nodes { request { organisations { name website } } } } }',
    );
    const ours = queue
      .data!.reviewQueue.nodes.flatMap((n) => n.request?.organisations ?? [])
      .find((o) => o.name === registration.name);
    expect(ours?.website).toBe(`https://${registration.domain}`);
  });

  it('on a phone the form shows the address it will send too', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${server.url}/register`);
    const dialog = page.getByTestId('account-dialog');
    await dialog.getByTestId('register-signed-out').waitFor();
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByTestId('account-email').fill(emailOf(prefix, 'member'));
    await dialog.getByTestId('account-password').fill(PASSWORD);
    await dialog.getByTestId('account-submit').click();
    const form = page.getByTestId('register-form');
    await form.getByTestId('org-website').fill('codigosp.org.br');
    await expect
      .poll(() => form.getByTestId('website-to-send').textContent(), POLL)
      .toBe('Will be sent as https://codigosp.org.br');
    await form.getByTestId('org-website').scrollIntoViewIfNeeded();
    await shoot(page, 'register-bare-domain-390');
  });

  it("a registration's item shows everything it says: sector, kind, place, website, description, themes, identifiers", async () => {
    const page = await newPage();
    await openQueue(page);
    const item = await queueItem(page, 'REGISTRATION', registration.name);
    const content = item.getByTestId('review-organisation');
    expect(await content.count()).toBe(1);
    const shown = await fields(content);
    expect(shown.sector).toBe('Civic innovator');
    expect(shown.kind).toBe(registration.kind);
    expect(shown.place).toContain('São Paulo');
    expect(shown.place).toContain('Brazil');
    expect(shown.website).toBe(`https://${registration.domain}`);
    expect(shown.description).toBe(registration.description);
    expect(shown.themes).toBe('Digital inclusion, Open data');
    expect(shown.identifiers).toMatch(/^BR-CNPJ\s+12345678000195$/);
    await item.scrollIntoViewIfNeeded();
    await shoot(page, 'queue-registration-1440');

    // Readable on a phone: nothing wider than the dialog, every field on screen as it scrolls by.
    await page.setViewportSize(PHONE);
    await item.getByTestId('review-organisation').scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => {
      const d = document.querySelector('[data-testid="account-dialog"]')!;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const box = (await content.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await shoot(page, 'queue-registration-390');
  });

  it("a claim's item shows the organisation claimed, as listed, and the evidence", async () => {
    const page = await newPage();
    await openQueue(page);
    const item = await queueItem(page, 'CLAIM', claimed.name);
    const content = item.getByTestId('review-organisation');
    expect(await content.getAttribute('data-id')).toBe(claimed.id);
    expect(await content.locator('.review-content-title').innerText()).toBe(`Claims ${claimed.name}`);
    const shown = await fields(content);
    expect(shown).toMatchObject({
      sector: 'NGO',
      kind: 'food partnership',
      website: `https://${prefix}-northmoor.example.org`,
      description: 'Connects food banks and growers.',
      themes: 'Food security',
    });
    expect(shown.place).toContain('Leeds');
    expect(shown.identifiers).toMatch(/^GB-CHC\s+1098765$/);
    expect(await item.innerText()).toContain('I coordinate it: see the team page on its website.');
    await item.scrollIntoViewIfNeeded();
    await shoot(page, 'queue-claim-1440');
  });

  it("a proposed partnership's item shows its kind, ends, trust, dates, amount, description and source", async () => {
    const page = await newPage();
    await openQueue(page);
    const item = await queueItem(page, 'PROPOSED_RELATIONSHIP', `${claimed.name} → ${partner.name}`);
    expect(await item.locator('.item-title').innerText()).toBe(`Funding: ${claimed.name} → ${partner.name}`);
    const shown = await fields(item);
    expect(shown).toMatchObject({
      trust: 'Claimed',
      dates: '2024-03-01 – 2025-02-28',
      amount: '£12,000',
      description: 'A grant for the growers’ market.',
    });
    expect(await item.innerText()).toContain(`https://${prefix}-northmoor.example.org/grants`);
    await item.scrollIntoViewIfNeeded();
    await shoot(page, 'queue-proposal-1440');
  });
});
