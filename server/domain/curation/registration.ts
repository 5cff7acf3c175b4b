// Registering an organisation (pending until a curator approves it), "is this you?" matches, claiming an
// existing listing, and edits by owners and curators, each recorded in the history.
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../common/errors.ts';
import type { QueryRunner, QueryTx } from '../../common/queryRunner.ts';
import type { Actor } from '../access/actor.ts';
import { allowed, authorise, reasonRequired } from '../access/policy.ts';
import { newId } from '../accounts/secrets.ts';
import { slugify } from '../import/slug.ts';
import type { MatchRule, OrganisationStatus, Sector } from '../model.ts';
import { organisationsByIds, searchHits, type Organisation } from '../organisations.ts';
import { formatIdentifier } from '../values.ts';
import { line, optional, paragraph, TEXT_LIMITS, webUrl } from '../validation/fields.ts';
import { fieldProblem, invalid, validate } from '../validation/problems.ts';
import { recordChanges } from './history.ts';
import { identifierKey, normaliseName, siteOf } from '../identity/normalise.ts';
import { identityKey, matchRules, matchScore, type Comparable } from './matching.ts';
import {
  diffFields,
  organisationProps,
  placeRows,
  themeRows,
  validateChanges,
  validateRegistration,
  type OrganisationFields,
  type PlaceFields,
} from './organisationInput.ts';
import { anyOrganisationsByIds, organisationAccess } from './reads.ts';
import { requestsByIds, type ReviewRequest } from './review.ts';

/** What a registration created: the organisation and its registration request. */
export interface RegistrationIds {
  organisationId: string;
  requestId: string;
}

export interface LikelyMatch {
  organisation: Organisation;
  rules: MatchRule[];
  score: number;
}

const CANDIDATES = 30;

const matchInput = z.object({
  name: optional(line('name', TEXT_LIMITS.name)),
  website: optional(webUrl('website')),
  identifiers: z
    .array(line('identifier', TEXT_LIMITS.identifier))
    .max(TEXT_LIMITS.identifiers)
    .nullable()
    .optional(),
});

/**
 * Published organisations that may be the one described ("is this you?"), best first: the same
 * identifier, the same site (never a shared host alone), or the same normalised name.
 */
export async function likelyMatches(
  runner: QueryRunner,
  input: { name?: string | null; website?: string | null; identifiers?: string[] | null },
  first = 10,
): Promise<LikelyMatch[]> {
  const v = validate(matchInput, input, 'input');
  const wanted: Comparable = {
    name: v.name ?? '',
    website: v.website ?? null,
    identifiers: v.identifiers ?? [],
  };
  const ids = new Set<string>();
  const search = async (text: string) => {
    for (const h of await searchHits(runner, text, CANDIDATES)) ids.add(h.id);
  };
  const name = normaliseName(wanted.name);
  if (name !== '') await search(name);
  for (const written of wanted.identifiers) {
    // In the register's spelling (a charity number without its leading zeros), as organisations store it.
    const key = identifierKey(written) ?? written;
    const value = key.slice(key.indexOf(':') + 1);
    if (value.trim() !== '') await search(value);
  }
  const site = wanted.website ? siteOf(wanted.website) : null;
  if (site) {
    const hits = await runner.read<{ id: string }>('organisationsByWebsite', {
      text: site.key,
      limit: CANDIDATES,
    });
    for (const h of hits) ids.add(h.id);
  }
  const found = (await organisationsByIds(runner, [...ids])).filter((o): o is Organisation => o !== null);
  return found
    .map((organisation) => {
      const rules = matchRules(wanted, {
        name: organisation.name,
        website: organisation.website,
        identifiers: organisation.identifiers.map(formatIdentifier),
      });
      return { organisation, rules, score: matchScore(rules) };
    })
    .filter((m) => m.rules.length > 0)
    .sort((a, b) => b.score - a.score || a.organisation.name.localeCompare(b.organisation.name))
    .slice(0, first);
}

const DUPLICATE =
  'An organisation with this name and website is already registered or waiting for review: search for it and claim it instead of registering it again.';

/** Registers an organisation: PENDING (visible to its registrant and curators) until a curator approves it. */
export async function registerOrganisation(
  runner: QueryRunner,
  actor: Actor,
  input: unknown,
): Promise<RegistrationIds> {
  const account = authorise(actor, 'organisation.register');
  const fields = validateRegistration(input);
  const key = identityKey(fields.name, fields.website);
  const [registered] = await runner.read<{ id: string }>('organisationsByIdentityKey', { key });
  if (registered) throw new ConflictError(DUPLICATE);
  const listed = (await likelyMatches(runner, fields)).find(
    (m) => m.rules.includes('SAME_NAME') && m.rules.includes('SAME_WEBSITE'),
  );
  if (listed) {
    throw new ConflictError(
      `"${listed.organisation.name}" (${listed.organisation.id}) is already listed with this name and website: claim it instead of registering it again.`,
    );
  }
  const organisationId = `org-${slugify(fields.name).slice(0, 48) || 'registered'}-${newId('x').slice(2, 8)}`;
  const requestId = newId('req');
  const now = new Date().toISOString();
  const place = placeRows(fields.place);
  try {
    await runner.writeTransaction(async (tx) => {
      await upsertThemesAndPlace(tx, fields.themes, place.rows);
      await tx.run('registerOrganisation', {
        accountId: account.id,
        organisation: {
          id: organisationId,
          props: {
            ...organisationProps(fields),
            websites: fields.website === null ? null : [fields.website],
            identityKey: key,
            recordedBy: account.name,
            recordedByAccount: account.id,
          },
          themeIds: themeRows(fields.themes).map((t) => t.id),
          placeId: place.placeId,
        },
        now,
      });
      await tx.run('createRequest', {
        accountId: account.id,
        request: {
          id: requestId,
          kind: 'REGISTRATION',
          openKey: `REGISTRATION|${organisationId}`,
          evidence: null,
          reason: null,
          relationshipId: null,
        },
        organisationIds: [organisationId],
        now,
      });
      await recordChanges(
        tx,
        [
          {
            subjectKind: 'organisation',
            subjectId: organisationId,
            action: 'CREATED',
            actorId: account.id,
            reason: null,
            changes: [...diffFields(null, fields), { field: 'status', from: null, to: 'PENDING' }],
          },
        ],
        now,
      );
      // No bumpDataVersion: a pending registration is not in the public network, and the data version
      // reloads the network snapshot. Its approval bumps it.
    });
  } catch (error) {
    // The identity key's uniqueness constraint: a concurrent registration of the same organisation won.
    if (error instanceof ConflictError) throw new ConflictError(DUPLICATE, { cause: error });
    throw error;
  }
  return { organisationId, requestId };
}

async function upsertThemesAndPlace(
  tx: QueryTx,
  themes: string[],
  places: ReturnType<typeof placeRows>['rows'],
) {
  if (themes.length > 0) await tx.run('importThemes', { themes: themeRows(themes) });
  if (places.length > 0) await tx.run('importPlaces', { places });
}

const evidenceField = z.object({ evidence: paragraph('evidence', TEXT_LIMITS.evidence, 10) });

/** Claims a published organisation as one's own; a curator approves (the claimant then owns it) or rejects. */
export async function claimOrganisation(
  runner: QueryRunner,
  actor: Actor,
  id: string,
  evidence: string,
): Promise<ReviewRequest> {
  const account = authorise(actor, 'account.self');
  const [access] = await organisationAccess(runner, actor, [id]);
  if (!access || access.status !== 'PUBLISHED')
    throw new NotFoundError(`No published organisation has the id ${id}.`);
  authorise(actor, 'organisation.claim', access);
  const fields = validate(evidenceField, { evidence });
  if (access.owner !== null) throw new ConflictError(`You already own ${access.name}.`);
  const requestId = newId('req');
  try {
    await runner.write('createRequest', {
      accountId: account.id,
      request: {
        id: requestId,
        kind: 'CLAIM',
        openKey: `CLAIM|${account.id}|${id}`,
        evidence: fields.evidence,
        reason: null,
        relationshipId: null,
      },
      organisationIds: [id],
      now: new Date().toISOString(),
    });
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError(`You already claimed ${access.name}: a curator will review your claim.`, {
        cause: error,
      });
    throw error;
  }
  const [request] = await requestsByIds(runner, [requestId]);
  return request!;
}

interface LockedOrganisation {
  organisation: Record<string, unknown> & {
    id: string;
    name: string;
    sector: Sector;
    status: OrganisationStatus;
  };
  verified: boolean | null;
  places: { name: string; level: string }[];
  themes: string[];
}

function fieldsOf(row: LockedOrganisation): OrganisationFields {
  const o = row.organisation;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const level = (l: string) => row.places.find((p) => p.level === l)?.name ?? null;
  const country = level('country');
  const place: PlaceFields | null =
    country === null ? null : { country, region: level('region'), city: level('city') };
  return {
    name: o.name,
    sector: o.sector,
    kind: text(o.kind),
    description: text(o.description),
    website: text(o.website),
    place,
    themes: row.themes,
    identifiers: (o.identifiers as string[] | undefined) ?? [],
  };
}

const reasonField = z.object({ reason: optional(paragraph('reason', TEXT_LIMITS.reason, 3)) });

/**
 * Edits an organisation: its owners (a verified owner; the registrant while the registration is pending)
 * and curators. Curators say why when it is not theirs. Every changed field goes into the history.
 */
export async function updateOrganisation(
  runner: QueryRunner,
  actor: Actor,
  id: string,
  rawChanges: unknown,
  rawReason: string | null | undefined,
): Promise<Organisation> {
  const account = authorise(actor, 'account.self');
  const changes = validateChanges(rawChanges);
  const { reason } = validate(reasonField, { reason: rawReason });
  const now = new Date().toISOString();
  try {
    await runner.writeTransaction(async (tx) => {
      const [row] = await tx.run<LockedOrganisation>('organisationForUpdate', { id, accountId: account.id });
      if (!row) throw new NotFoundError(`No organisation has the id ${id}.`);
      const owner = row.verified === null ? null : row.verified ? 'verified' : 'unverified';
      const facts = { status: row.organisation.status, owner } as const;
      // An unpublished organisation the actor may not see does not exist for them.
      if (facts.status !== 'PUBLISHED' && !allowed(actor, 'organisation.viewPrivate', facts))
        throw new NotFoundError(`No organisation has the id ${id}.`);
      authorise(actor, 'organisation.edit', facts);
      if (!reason && reasonRequired(actor, { action: 'organisation.edit', facts })) {
        throw invalid([
          fieldProblem('reason', 'REQUIRED', 'say why you change an organisation you do not own'),
        ]);
      }
      const before = fieldsOf(row);
      const after: OrganisationFields = { ...before, ...changes };
      const diff = diffFields(before, after);
      if (diff.length === 0) return;
      const place = placeRows(after.place);
      await upsertThemesAndPlace(tx, changes.themes ?? [], changes.place !== undefined ? place.rows : []);
      const key =
        typeof row.organisation.identityKey === 'string' &&
        (changes.name !== undefined || changes.website !== undefined)
          ? identityKey(after.name, after.website)
          : (row.organisation.identityKey ?? null);
      await tx.run('updateOrganisationFields', {
        id,
        props: {
          ...organisationProps(after),
          identityKey: key,
          ...(changes.website !== undefined
            ? { websites: websitesAfter(row.organisation.websites, before.website, after.website) }
            : {}),
        },
        themeIds: changes.themes !== undefined ? themeRows(after.themes).map((t) => t.id) : null,
        placeChanged: changes.place !== undefined,
        placeId: place.placeId,
        now,
      });
      await recordChanges(
        tx,
        [
          {
            subjectKind: 'organisation',
            subjectId: id,
            action: 'UPDATED',
            actorId: account.id,
            reason: reason ?? null,
            changes: diff,
          },
        ],
        now,
      );
      // Only a published organisation's edit changes the public network (and so the snapshot).
      if (row.organisation.status === 'PUBLISHED') await tx.run('bumpDataVersion', { now });
    });
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError(DUPLICATE, { cause: error });
    throw error;
  }
  const [organisation] = await anyOrganisationsByIds(runner, [id]);
  return organisation!;
}

/** Any organisation, whatever its status, for its owners and curators (the editing view). */
export async function organisationForEditing(
  runner: QueryRunner,
  actor: Actor,
  id: string,
): Promise<Organisation | null> {
  authorise(actor, 'account.self');
  const [access] = await organisationAccess(runner, actor, [id]);
  if (!access) return null;
  authorise(actor, 'organisation.viewPrivate', access);
  const [organisation] = await anyOrganisationsByIds(runner, [id]);
  return organisation ?? null;
}

/**
 * An organisation's websites (imports keep every one they saw; the first is `website`) after its website
 * was edited from `before` to `after`: the new one first, the replaced or removed one gone, the others kept;
 * null when none is left. So an export and a re-import cannot bring back a website that was taken away.
 */
export function websitesAfter(stored: unknown, before: string | null, after: string | null): string[] | null {
  const others = (Array.isArray(stored) ? stored : []).filter(
    (w): w is string => typeof w === 'string' && w !== before && w !== after,
  );
  const list = after === null ? others : [after, ...others];
  return list.length > 0 ? list : null;
}
