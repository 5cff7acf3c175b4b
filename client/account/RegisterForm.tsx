// "Add your organisation": the registration form, checked as you type (rules.ts) and again by the server
// (its messages replace ours, per field). Before submitting, "is this you?" lists organisations already
// listed that may be the same (likelyMatches), each with a way to claim it instead.
import { useMemo, useState, type FormEvent } from 'react';
import type { LikelyMatchesQuery } from '../api/generated/graphql.ts';
import { CLAIM_ORGANISATION, LIKELY_MATCHES, REGISTER_ORGANISATION } from '../api/queries.ts';
import { SECTORS } from '../api/types.ts';
import { SECTOR_STYLES } from '../graph/style.ts';
import { useDebouncedValue } from '../state/useDebouncedValue.ts';
import { useGraphQL } from '../state/useGraphQL.ts';
import { mutate, useSession } from '../state/useSession.ts';
import { openAccountView } from './accountView.ts';
import { toFormError, type FormError } from './errors.ts';
import { Field, FormMessage } from './Field.tsx';
import {
  EMPTY_FORM,
  LIMITS,
  organisationInput,
  organisationProblems,
  paragraphProblem,
  splitList,
  urlProblem,
  websiteToSend,
  type OrganisationForm,
} from './rules.ts';

const RULE_LABELS: Record<string, string> = {
  SAME_IDENTIFIER: 'same identifier',
  SAME_WEBSITE: 'same website',
  SAME_NAME: 'same name',
};

export function RegisterForm({ initialName }: { initialName?: string | undefined }) {
  const session = useSession();
  const [form, setForm] = useState<OrganisationForm>({ ...EMPTY_FORM, name: initialName ?? '' });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; name: string; status: string } | null>(null);

  const local = useMemo(() => organisationProblems(form), [form]);
  const matches = useLikelyMatches(form);
  const show = (field: string) =>
    serverError?.fields[field] ?? (submitted || touched[field] ? local[field] : undefined);

  if (session.status === 'loading') return <p role="status">Checking your session…</p>;
  if (!session.account) {
    return (
      <div className="account-form" data-testid="register-signed-out">
        <h2 id="account-dialog-title">Add your organisation</h2>
        <p>
          Sign in or create an account first: a curator checks each registration, and you will see its status.
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="button primary"
            onClick={() => openAccountView({ view: 'sign-up', then: { view: 'register', name: form.name } })}
          >
            Create an account
          </button>
          <button
            type="button"
            className="button"
            onClick={() => openAccountView({ view: 'sign-in', then: { view: 'register', name: form.name } })}
          >
            Sign in
          </button>
        </div>
      </div>
    );
  }

  if (done) {
    return (
      <div className="account-form" data-testid="register-done">
        <h2 id="account-dialog-title">Registration sent</h2>
        <p role="status">
          <strong>{done.name}</strong> is{' '}
          <span className="status-badge" data-status={done.status} data-testid="registration-status">
            {done.status === 'PENDING' ? 'pending' : done.status.toLowerCase()}
          </span>{' '}
          until a curator approves it. Until then only you and the curators can see it; if it is rejected you
          will see why in your items.
        </p>
        <div className="form-actions">
          <button type="button" className="button primary" onClick={() => openAccountView({ view: 'mine' })}>
            See my items
          </button>
          <button type="button" className="button" onClick={() => openAccountView(null)}>
            Back to the map
          </button>
        </div>
      </div>
    );
  }

  const set =
    (field: keyof OrganisationForm, errorKey: string = field) =>
    (value: string) => {
      setForm((f) => ({ ...f, [field]: value }));
      if (serverError?.fields[errorKey]) {
        const fields = { ...serverError.fields };
        delete fields[errorKey];
        setServerError({ ...serverError, fields });
      }
    };
  const touch = (field: string) => () => setTouched((t) => ({ ...t, [field]: true }));
  const control = (field: keyof OrganisationForm, errorKey: string = field) => ({
    name: field,
    value: form[field],
    onChange: (e: { target: { value: string } }) => set(field, errorKey)(e.target.value),
    onBlur: touch(errorKey),
    'data-testid': `org-${field}`,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length > 0) {
      // Focus the first field that needs fixing.
      const first = document.querySelector<HTMLElement>('.register-form [aria-invalid="true"]');
      first?.focus();
      return;
    }
    setBusy(true);
    setServerError(null);
    try {
      const data = await mutate(REGISTER_ORGANISATION, { input: organisationInput(form) });
      const o = data.registerOrganisation.organisation;
      setDone({ id: o.id, name: o.name, status: o.status });
    } catch (error) {
      setServerError(toFormError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="register">
      <form className="account-form register-form" onSubmit={submit} noValidate data-testid="register-form">
        <h2 id="account-dialog-title">Add your organisation</h2>
        <p className="muted">
          A curator checks each registration before it is public. Fields marked required must be filled in.
        </p>
        <FormMessage message={serverError?.message ?? null} />
        <Field
          label="Name"
          required
          error={show('name')}
          hint={
            matches.length > 0 ? (
              <a
                href="#likely-matches"
                className="matches-note"
                onClick={(e) => {
                  e.preventDefault();
                  const aside = document.getElementById('likely-matches');
                  aside?.scrollIntoView({ block: 'nearest' });
                  aside?.focus();
                }}
              >
                {matches.length === 1
                  ? 'One listed organisation looks the same: is this you?'
                  : `${matches.length} listed organisations look the same: is this you?`}
              </a>
            ) : undefined
          }
        >
          {(a) => <input {...a} {...control('name')} autoComplete="organization" />}
        </Field>
        <Field label="Sector" required error={show('sector')}>
          {(a) => (
            <select {...a} {...control('sector')}>
              <option value="">Choose a sector…</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {SECTOR_STYLES[s].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind" error={show('kind')} hint="e.g. local authority, foundation, civic tech group">
          {(a) => <input {...a} {...control('kind')} maxLength={LIMITS.kind + 20} />}
        </Field>
        <Field
          label="Description"
          error={show('description')}
          hint={`What it does; at most ${LIMITS.description} characters.`}
        >
          {(a) => <textarea {...a} {...control('description')} rows={3} />}
        </Field>
        <Field
          label="Website"
          error={show('website')}
          hint={
            websiteToSend(form.website) !== form.website.trim() ? (
              <span data-testid="website-to-send">
                Will be sent as <strong>{websiteToSend(form.website)}</strong>
              </span>
            ) : (
              'https://…'
            )
          }
        >
          {(a) => <input {...a} {...control('website')} type="url" inputMode="url" autoComplete="url" />}
        </Field>
        <fieldset className="place-fields">
          <legend>Place</legend>
          <Field
            label="Country"
            error={show('place.country')}
            required={[form.region, form.city].some((v) => v.trim() !== '')}
          >
            {(a) => <input {...a} {...control('country', 'place.country')} autoComplete="country-name" />}
          </Field>
          <Field label="Region" error={show('place.region')}>
            {(a) => <input {...a} {...control('region', 'place.region')} />}
          </Field>
          <Field label="City" error={show('place.city')}>
            {(a) => <input {...a} {...control('city', 'place.city')} autoComplete="address-level2" />}
          </Field>
        </fieldset>
        <Field
          label="Themes"
          error={show('themes')}
          hint="Separated by commas, e.g. Open data, Digital inclusion"
        >
          {(a) => <input {...a} {...control('themes')} />}
        </Field>
        <Field
          label="Identifiers"
          error={show('identifiers')}
          hint="scheme:value, separated by commas, e.g. GB-CHC:1234567"
        >
          {(a) => <input {...a} {...control('identifiers')} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy} data-testid="register-submit">
            {busy ? 'Sending…' : 'Register'}
          </button>
          <button type="button" className="button" onClick={() => openAccountView(null)}>
            Cancel
          </button>
        </div>
      </form>
      <LikelyMatchList matches={matches} />
    </div>
  );
}

/** "Is this you?": published organisations that may be the one being registered, from what is typed. */
function useLikelyMatches(form: OrganisationForm): Match[] {
  const input = useMemo(() => {
    const name = form.name.trim();
    const website = websiteToSend(form.website);
    const identifiers = splitList(form.identifiers).filter((i) => /^[^:]+:.+$/.test(i));
    const withName = name.length >= 2 ? { name } : {};
    const withSite = website !== '' && urlProblem('website', website) === null ? { website } : {};
    const withIds = identifiers.length > 0 ? { identifiers } : {};
    if (!('name' in withName) && !('website' in withSite) && identifiers.length === 0) return null;
    return { input: { ...withName, ...withSite, ...withIds } };
  }, [form.name, form.website, form.identifiers]);
  const settled = useDebouncedValue(input, 300);
  const { data, previousData } = useGraphQL(LIKELY_MATCHES, settled);
  if (settled === null) return [];
  return (data ?? previousData)?.likelyMatches ?? [];
}

/** The list, each match claimable; before anything matches, what will appear here. */
function LikelyMatchList({ matches }: { matches: Match[] }) {
  if (matches.length === 0) {
    return (
      <aside className="likely-matches empty" aria-label="Is this you?">
        <h3>Is this you?</h3>
        <p className="muted">
          As you type a name, a website or an identifier, organisations already listed that may be the same
          appear here, so you can claim yours instead of registering it twice.
        </p>
      </aside>
    );
  }
  return (
    <aside
      className="likely-matches"
      id="likely-matches"
      aria-labelledby="likely-matches-title"
      data-testid="likely-matches"
      tabIndex={-1}
    >
      <h3 id="likely-matches-title">Is this you?</h3>
      <p className="muted">
        These are already listed. If one is your organisation, claim it instead of registering it again.
      </p>
      <ul>
        {matches.map((m) => (
          <LikelyMatchItem key={m.organisation.id} match={m} />
        ))}
      </ul>
    </aside>
  );
}

type Match = LikelyMatchesQuery['likelyMatches'][number];

function LikelyMatchItem({ match }: { match: Match }) {
  const [open, setOpen] = useState(false);
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const o = match.organisation;
  const local = paragraphProblem('evidence', evidence, LIMITS.evidence, 10);
  const shown = error?.fields.evidence ?? (touched ? (local ?? undefined) : undefined);

  async function claim(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (local) return;
    setBusy(true);
    setError(null);
    try {
      const data = await mutate(CLAIM_ORGANISATION, { id: o.id, evidence: evidence.trim() });
      setSent(data.claimOrganisation.status);
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="likely-match" data-testid="likely-match" data-id={o.id}>
      <div className="likely-match-head">
        <strong>{o.name}</strong>
        <span className="muted">
          {SECTOR_STYLES[o.sector].label}
          {o.website ? ` · ${o.website.replace(/^https?:\/\//, '')}` : ''}
        </span>
        <span className="match-rules">{match.rules.map((r) => RULE_LABELS[r] ?? r).join(', ')}</span>
      </div>
      {sent ? (
        <p role="status" data-testid="claim-sent">
          Claim sent:{' '}
          <span className="status-badge" data-status={sent}>
            {sent.toLowerCase()}
          </span>{' '}
          until a curator checks it.
        </p>
      ) : !open ? (
        <button
          type="button"
          className="button small"
          disabled={!o.viewerCan.claim}
          title={o.viewerCan.claim ? undefined : 'You already own it or have claimed it'}
          onClick={() => setOpen(true)}
          data-testid="claim"
        >
          This is us: claim it
        </button>
      ) : (
        <form className="claim-form" onSubmit={claim} noValidate>
          <FormMessage message={error?.message ?? null} />
          <Field
            label="How can a curator tell it is yours?"
            required
            error={shown}
            hint="Your role there, an address on its website… (10 characters or more)"
          >
            {(a) => (
              <textarea
                {...a}
                rows={2}
                value={evidence}
                onChange={(e) => setEvidence(e.target.value)}
                onBlur={() => setTouched(true)}
                data-testid="claim-evidence"
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button primary small" disabled={busy} data-testid="claim-submit">
              Send claim
            </button>
            <button type="button" className="button small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
