/// <reference lib="dom" />
// Issue 9's explorer side in a real Chromium, end to end: sign up → register an organisation (errors per
// field, "is this you?") → pending → a curator approves in the review queue → found by search and drawn;
// propose a partnership → the other side confirms → drawn as confirmed; a dispute → drawn as disputed.
// Screenshots of the sign-in, the registration form and the review queue (1440×900 and 390×844).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
const prefix = uniquePrefix('acui');
let rig: AccountsRig | undefined;
/** The organisation another member owns (published): the other side of the partnership. */
let partner: { id: string; name: string };
/** Its owner, signed in over HTTP. */
let owner: BrowserClient;
const ours = `${prefix} Riverside Data Collective`;

const newPage = (viewport = DESKTOP) => rig!.pages.open(viewport);

/** The trust state of the drawn edge between two organisations, or null when none is drawn. */
function edgeTrust(page: Page, a: string, b: string): Promise<string | null> {
  return page.evaluate(
    ([x, y]) => {
      const cy = (window as unknown as { __atlas?: { cy?: import('cytoscape').Core } }).__atlas?.cy;
      if (!cy) return null;
      const edge = cy
        .edges()
        .filter(
          (e) =>
            (e.data('source') === x && e.data('target') === y) ||
            (e.data('source') === y && e.data('target') === x),
        )
        .first();
      return edge.length > 0 ? String(edge.data('trust')) : null;
    },
    [a, b] as const,
  );
}

/** Whether the edge between two organisations is displayed (the trust filter hides with display: none). */
function edgeShown(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    ([x, y]) => {
      const cy = (window as unknown as { __atlas?: { cy?: import('cytoscape').Core } }).__atlas?.cy;
      const edge = cy
        ?.edges()
        .filter((e) => [e.data('source'), e.data('target')].sort().join() === [x, y].sort().join())
        .first();
      return edge !== undefined && edge.length > 0 && edge.style('display') !== 'none';
    },
    [a, b] as const,
  );
}

function drawnIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __atlas?: { cy?: import('cytoscape').Core } }).__atlas?.cy;
    return cy ? cy.nodes().map((n) => n.id()) : [];
  });
}

const shoot = screenshotter('accounts', { docs: true });

beforeAll(async () => {
  rig = await openAccountsRig(prefix);
  ({ db, server } = rig);

  // The other side: a member's organisation, registered and approved through the API.
  ({ browser: owner } = await signedIn(db, server, prefix, 'grace'));
  const { browser: curator } = await signedIn(db, server, prefix, 'setup-curator', 'CURATOR');
  const registered = await owner.graphql<{
    registerOrganisation: { organisation: { id: string; name: string }; request: { id: string } };
  }>(
    `mutation ($input: OrganisationInput!) { registerOrganisation(input: $input) {
       organisation { id name } request { id } } }`,
    {
      input: {
        name: `${prefix} Northmoor Civic Lab`,
        sector: 'NGO',
        website: `https://${prefix}-northmoor.example.org`,
      },
    },
  );
  if (!registered.data) throw new Error(JSON.stringify(registered.errors));
  partner = registered.data.registerOrganisation.organisation;
  const approved = await curator.graphql(
    'mutation ($id: ID!) { approve(id: $id, reason: "Checked.") { status } }',
    {
      id: registered.data.registerOrganisation.request.id,
    },
  );
  if (!approved.data) throw new Error(JSON.stringify(approved.errors));
  await makeAccount(db, prefix, 'carol', 'CURATOR');
}, 60_000);

afterAll(async () => {
  await rig?.close();
});

describe('accounts in the explorer', () => {
  let member: Page;
  let ourId: string;

  it('signs up from the header, showing the name and role, with errors per field', async () => {
    member = await newPage();
    await member.goto(server.url);
    await member.getByTestId('sign-in').click();
    const dialog = member.getByTestId('account-dialog');
    await dialog.getByTestId('account-email').waitFor();
    await shoot(member, 'sign-in-1440');
    await dialog.getByTestId('account-switch').click();

    // The server's own rule (a common password) comes back on the password field.
    await dialog.getByTestId('account-name').fill('Ada Lovelace');
    await dialog.getByTestId('account-email').fill(emailOf(prefix, 'ada'));
    await dialog.getByTestId('account-password').fill('password123');
    await dialog.getByTestId('account-submit').click();
    const passwordInput = dialog.getByTestId('account-password');
    await expect.poll(() => passwordInput.getAttribute('aria-invalid'), POLL).toBe('true');
    const describedBy = (await passwordInput.getAttribute('aria-describedby')) ?? '';
    const errorText = await member.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent();
    expect(errorText).toMatch(/password/i);

    await passwordInput.fill(PASSWORD);
    await dialog.getByTestId('account-submit').click();
    await member.getByTestId('account-menu').waitFor();
    expect(await member.getByTestId('account-name-shown').textContent()).toBe('Ada Lovelace');
    expect(await member.getByTestId('account-role').textContent()).toBe('Member');
  });

  it('registers an organisation: errors as you type, "is this you?" with a claim, then pending', async () => {
    await member.getByTestId('add-organisation').click();
    const form = member.getByTestId('register-form');
    await form.waitFor();

    // A bad website is refused as typed, on its field.
    await form.getByTestId('org-name').fill(partner.name);
    await form.getByTestId('org-website').fill('javascript:alert(1)');
    await form.getByTestId('org-website').blur();
    const website = form.getByTestId('org-website');
    await expect.poll(() => website.getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await form.locator('.field-invalid .field-error').first().textContent()).toMatch(/https:\/\//);

    // The same name as a listed organisation: "is this you?" offers it, with a claim.
    const match = member.getByTestId('likely-match').filter({ hasText: partner.name });
    await match.waitFor();
    expect(await match.getAttribute('data-id')).toBe(partner.id);
    await shoot(member, 'register-1440');
    await match.getByTestId('claim').click();
    await match.getByTestId('claim-submit').click();
    await expect
      .poll(() => match.getByTestId('claim-evidence').getAttribute('aria-invalid'), POLL)
      .toBe('true');

    // Submitting with a field still wrong sends nothing and says which field.
    await form.getByTestId('org-name').fill(ours);
    await form.getByTestId('register-submit').click();
    await expect.poll(() => form.getByTestId('org-sector').getAttribute('aria-invalid'), POLL).toBe('true');

    await form.getByTestId('org-sector').selectOption('CIVIC_INNOVATOR');
    await form.getByTestId('org-website').fill(`https://${prefix}-riverside.example.org`);
    await form.getByTestId('org-country').fill('United Kingdom');
    await form.getByTestId('org-city').fill('Leeds');
    await form.getByTestId('org-themes').fill('Open data, Digital inclusion');
    await form.getByTestId('org-identifiers').fill('GB-CHC:9876543');
    await form.getByTestId('register-submit').click();
    await member.getByTestId('register-done').waitFor();
    expect(await member.getByTestId('registration-status').textContent()).toBe('pending');

    // My items: the registration, pending.
    await member.getByTestId('register-done').getByRole('button', { name: 'See my items' }).click();
    const item = member.getByTestId('my-request').filter({ hasText: ours });
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('PENDING');
    const owned = member.getByTestId('my-organisation').filter({ hasText: ours });
    ourId = (await owned.getAttribute('data-id'))!;
    expect(ourId).toBeTruthy();
    await member.keyboard.press('Escape');
    await expect.poll(() => member.getByTestId('account-dialog').isVisible(), POLL).toBe(false);

    // Not public while pending.
    const hidden = await server.graphql<{ organisation: null | { id: string } }>(
      'query ($id: ID!) { organisation(id: $id) { id } }',
      { id: ourId },
    );
    expect(hidden.data?.organisation).toBeNull();
  });

  it('a curator approves it in the review queue; then it is found by search and drawn', async () => {
    const curator = await newPage();
    await curator.goto(server.url);
    await signInThroughHeader(curator, emailOf(prefix, 'carol'));
    expect(await curator.getByTestId('account-role').textContent()).toBe('Curator');
    await curator.getByTestId('account-menu').click();
    await curator.getByTestId('review-queue-link').click();
    // Other tests' items may wait too: registrations only, page by page until ours.
    await curator.getByTestId('review-kind').selectOption('REGISTRATION');
    const item = curator.getByTestId('review-item').filter({ hasText: ours });
    await expect
      .poll(
        async () => {
          if ((await item.count()) > 0) return true;
          const more = curator.getByTestId('review-more');
          if ((await more.count()) > 0) await more.click();
          return false;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await item.getAttribute('data-kind')).toBe('REGISTRATION');
    await shoot(curator, 'review-queue-1440');

    // A decision needs a reason.
    await item.getByTestId('review-approve').click();
    await expect
      .poll(() => item.getByTestId('review-reason').getAttribute('aria-invalid'), POLL)
      .toBe('true');
    await item.getByTestId('review-reason').fill('Checked its website and charity number.');
    await item.getByTestId('review-approve').click();
    await expect.poll(() => item.count(), POLL).toBe(0);

    // The registrant sees it approved, and it is public: search finds it and the map draws it.
    await member.reload();
    await member.getByTestId('account-menu').click();
    await member.getByTestId('my-items').click();
    const request = member.getByTestId('my-request').filter({ hasText: ours });
    await expect.poll(() => request.getAttribute('data-status'), POLL).toBe('APPROVED');
    await member.keyboard.press('Escape');

    await member.getByTestId('search-input').fill(ours);
    const option = member.getByTestId('search-result').filter({ hasText: ours }).first();
    await option.waitFor({ timeout: 30_000 });
    await option.click();
    await expect.poll(() => drawnIds(member), { timeout: 30_000 }).toContain(ourId);
  });

  it('proposes a partnership; the other side confirms it: drawn as confirmed; a dispute: drawn as disputed', async () => {
    // On our organisation's details: "Propose a partnership".
    await member.goto(`${server.url}/?org=${encodeURIComponent(ourId)}&sel=${encodeURIComponent(ourId)}`);
    // A listing with no source but who recorded it reads "Listing source: recorded by …", with no stray "·".
    const listing = member.getByTestId('details-panel').getByTestId('provenance').last();
    await expect.poll(() => listing.textContent()).toMatch(/^Listing source: recorded by /);
    await member.getByTestId('propose-partnership').click();
    const form = member.getByTestId('propose-form');
    await form.getByTestId('connect-input').fill(partner.name);
    await form.getByTestId('connect-option').filter({ hasText: partner.name }).first().click();
    await form.getByTestId('propose-kind').selectOption('PARTNERSHIP');
    await form.getByTestId('propose-source').fill(`https://${prefix}-riverside.example.org/partners`);
    await shoot(member, 'propose-1440');
    await form.getByTestId('propose-submit').click();
    await member.getByTestId('propose-done').getByRole('button', { name: 'Back to the map' }).click();
    await expect.poll(() => edgeTrust(member, ourId, partner.id), { timeout: 30_000 }).toBe('CLAIMED');
    const relationshipId = await member.evaluate(
      ([a, b]) => {
        const cy = (window as unknown as { __atlas: { cy: import('cytoscape').Core } }).__atlas.cy;
        const e = cy
          .edges()
          .filter((x) => [x.data('source'), x.data('target')].sort().join() === [a, b].sort().join());
        return String(e.first().data('relationshipId'));
      },
      [ourId, partner.id] as const,
    );

    // The other side's owner opens the tie and confirms it.
    const other = await newPage();
    await other.goto(
      `${server.url}/?org=${encodeURIComponent(partner.id)}&edge=${encodeURIComponent(relationshipId)}`,
    );
    await signInThroughHeader(other, emailOf(prefix, 'grace'));
    const confirm = other.getByTestId('confirm-relationship');
    await confirm.click();
    await expect.poll(() => edgeTrust(other, ourId, partner.id), { timeout: 30_000 }).toBe('CONFIRMED');
    await member.reload();
    await expect.poll(() => edgeTrust(member, ourId, partner.id), { timeout: 30_000 }).toBe('CONFIRMED');

    // The proposer never sees Confirm on its own proposal; either side may dispute.
    await member.goto(
      `${server.url}/?org=${encodeURIComponent(ourId)}&edge=${encodeURIComponent(relationshipId)}`,
    );
    await member.getByTestId('dispute-relationship').click();
    expect(await member.getByTestId('confirm-relationship').count()).toBe(0);
    await member.getByTestId('dispute-reason').fill('The programme never started.');
    await member.getByTestId('dispute-submit').click();
    await expect.poll(() => edgeTrust(member, ourId, partner.id), { timeout: 30_000 }).toBe('DISPUTED');
    await expect
      .poll(() => member.getByTestId('consent').textContent(), POLL)
      .toContain('The programme never started.');
    await shoot(member, 'disputed-1440');
    // Trust is filterable: showing only disputed ties draws it, only confirmed ones hides it.
    await member.goto(`${server.url}/?org=${encodeURIComponent(ourId)}&trust=DISPUTED`);
    await expect.poll(() => edgeShown(member, ourId, partner.id), { timeout: 30_000 }).toBe(true);
    await member.goto(`${server.url}/?org=${encodeURIComponent(ourId)}&trust=CONFIRMED`);
    await expect.poll(() => edgeTrust(member, ourId, partner.id), { timeout: 30_000 }).toBe('DISPUTED');
    expect(await edgeShown(member, ourId, partner.id)).toBe(false);
  });

  it('signs out from the account menu', async () => {
    await member.getByTestId('account-menu').click();
    await member.getByTestId('sign-out').click();
    await member.getByTestId('sign-in').waitFor();
    await member.reload();
    await member.getByTestId('sign-in').waitFor();
  });

  it('shows a wrong password above the form, and the rate limit clearly once it refuses', async () => {
    await member.getByTestId('sign-in').click();
    const dialog = member.getByTestId('account-dialog');
    await dialog.getByTestId('account-email').fill(emailOf(prefix, 'ada'));
    await dialog.getByTestId('account-password').fill('not the right password');
    const message = dialog.getByTestId('form-message');
    // Five failures are allowed (README "Rate limits"); the sixth attempt is refused.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await dialog.getByTestId('account-submit').click();
      await expect.poll(() => message.textContent(), POLL).not.toMatch(/Too many/);
      await expect.poll(() => dialog.getByTestId('account-submit').isEnabled(), POLL).toBe(true);
    }
    await dialog.getByTestId('account-submit').click();
    await expect
      .poll(() => message.textContent(), POLL)
      .toMatch(/Too many attempts.*Try again in \d+ minutes/);
    expect(await message.getAttribute('role')).toBe('alert');
    await member.keyboard.press('Escape');
  });

  it('offers "Add your organisation" when a search finds nothing, keeping the words as its name', async () => {
    const missing = 'Zyzzquokka Vexbrindle';
    await member.getByTestId('search-input').fill(missing);
    await member.getByTestId('search-input').press('Enter');
    await member.getByTestId('add-organisation-from-search').click();
    const dialog = member.getByTestId('account-dialog');
    await dialog.getByTestId('register-signed-out').waitFor();
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByTestId('account-email').fill(emailOf(prefix, 'grace'));
    await dialog.getByTestId('account-password').fill(PASSWORD);
    await dialog.getByTestId('account-submit').click();
    await expect.poll(() => dialog.getByTestId('org-name').inputValue(), POLL).toBe(missing);
    await member.keyboard.press('Escape');
  });

  it('on a phone (390 px): sign-in, the registration form with an error and matches, the review queue', async () => {
    const phone = await newPage(PHONE);
    await phone.goto(`${server.url}/register`);
    const dialog = phone.getByTestId('account-dialog');
    await dialog.getByTestId('register-signed-out').waitFor();
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByTestId('account-email').waitFor();
    await shoot(phone, 'sign-in-390');
    await dialog.getByTestId('account-email').fill(emailOf(prefix, 'carol'));
    await dialog.getByTestId('account-password').fill(PASSWORD);
    await dialog.getByTestId('account-submit').click();
    // Back to the form it came from, signed in.
    const form = phone.getByTestId('register-form');
    await form.getByTestId('org-name').fill(partner.name);
    await form.getByTestId('org-website').fill('data:text/html,hello');
    await form.getByTestId('org-website').blur();
    await phone.getByTestId('likely-match').first().waitFor();
    await expect.poll(() => form.getByTestId('org-website').getAttribute('aria-invalid'), POLL).toBe('true');
    await shoot(phone, 'register-390');
    await phone.getByTestId('likely-matches').scrollIntoViewIfNeeded();
    await shoot(phone, 'register-matches-390');
    // Nothing overflows sideways.
    const overflow = await phone.evaluate(() => {
      const d = document.querySelector('[data-testid="account-dialog"]')!;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);

    await phone.keyboard.press('Escape');
    // Something for the queue to show: another registration, pending.
    const pending = await owner.graphql(
      'mutation ($input: OrganisationInput!) { registerOrganisation(input: $input) { request { id } } }',
      { input: { name: `${prefix} Harbour Youth Trust`, sector: 'NGO', kind: 'youth charity' } },
    );
    expect(pending.errors).toBeUndefined();
    await phone.getByRole('button', { name: 'Menu' }).click();
    await phone.getByTestId('account-menu').click();
    await phone.getByTestId('review-queue-link').click();
    await phone.getByTestId('review-kind').selectOption('REGISTRATION');
    await phone.getByTestId('queue-status').waitFor();
    await phone.getByTestId('review-item').first().waitFor();
    await shoot(phone, 'review-queue-390');
  });
});
