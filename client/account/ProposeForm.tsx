// "Propose a partnership" for an organisation the account owns: the other organisation, the kind and
// direction, dates, amount, what it is about and a public page that shows it. It is CLAIMED at once; the
// other side's owner confirms it, or a curator verifies its source.
import { useState, type FormEvent } from 'react';
import { PROPOSE_RELATIONSHIP } from '../api/queries.ts';
import { RELATIONSHIP_KINDS, type OrganisationSummary, type RelationshipKind } from '../api/types.ts';
import { OrganisationPicker } from '../components/OrganisationPicker.tsx';
import { KIND_STYLES } from '../graph/style.ts';
import { mutate } from '../state/useSession.ts';
import { openAccountView } from './accountView.ts';
import { toFormError, type FormError } from './errors.ts';
import { Field, FormMessage } from './Field.tsx';
import { LIMITS, paragraphProblem, urlProblem } from './rules.ts';

interface Proposal {
  other: OrganisationSummary | null;
  weAct: boolean;
  kind: RelationshipKind;
  since: string;
  until: string;
  amount: string;
  currency: string;
  description: string;
  sourceUrl: string;
}

function problemsOf(p: Proposal): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!p.other) problems.target = 'choose the other organisation';
  if (p.since && p.until && p.until < p.since) problems.until = 'until cannot be before since';
  if (p.amount.trim() !== '') {
    const n = Number(p.amount);
    if (!Number.isFinite(n)) problems.amount = 'amount must be a number';
    else if (n < 0) problems.amount = 'amount cannot be negative';
    else if (!/^[A-Za-z]{3}$/.test(p.currency.trim()))
      problems.currency = 'give the currency of the amount, such as GBP';
  } else if (p.currency.trim() !== '' && !/^[A-Za-z]{3}$/.test(p.currency.trim()))
    problems.currency = 'currency is a three-letter ISO 4217 code such as GBP or EUR';
  const description = paragraphProblem('description', p.description, LIMITS.description, 1, false);
  if (description) problems.description = description;
  const source = urlProblem('sourceUrl', p.sourceUrl);
  if (source) problems.sourceUrl = source;
  return problems;
}

export function ProposeForm({
  organisationId,
  organisationName,
}: {
  organisationId: string;
  organisationName: string;
}) {
  const [p, setP] = useState<Proposal>({
    other: null,
    weAct: true,
    kind: 'PARTNERSHIP',
    since: '',
    until: '',
    amount: '',
    currency: '',
    description: '',
    sourceUrl: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const local = problemsOf(p);
  const show = (field: string) => serverError?.fields[field] ?? (submitted ? local[field] : undefined);
  const set = <K extends keyof Proposal>(key: K, value: Proposal[K]) =>
    setP((old) => ({ ...old, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length > 0 || !p.other) return;
    setBusy(true);
    setServerError(null);
    const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
    const [source, target] = p.weAct ? [organisationId, p.other.id] : [p.other.id, organisationId];
    const since = text(p.since);
    const until = text(p.until);
    const description = text(p.description);
    const sourceUrl = text(p.sourceUrl);
    const currency = text(p.currency)?.toUpperCase();
    try {
      const data = await mutate(PROPOSE_RELATIONSHIP, {
        input: {
          source,
          target,
          kind: p.kind,
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
          ...(p.amount.trim() !== '' ? { amount: Number(p.amount) } : {}),
          ...(currency ? { currency } : {}),
          ...(description ? { description } : {}),
          ...(sourceUrl ? { sourceUrl } : {}),
        },
      });
      setDone(data.proposeRelationship.trust);
    } catch (error) {
      setServerError(toFormError(error));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="account-form" data-testid="propose-done">
        <h2 id="account-dialog-title">Partnership proposed</h2>
        <p role="status">
          It is on the map now as <strong>{done.toLowerCase()}</strong> by {organisationName}. It becomes
          confirmed when {p.other?.name ?? 'the other side'} confirms it.
        </p>
        <div className="form-actions">
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            Back to the map
          </button>
          <button type="button" className="button" onClick={() => openAccountView({ view: 'mine' })}>
            My items
          </button>
        </div>
      </div>
    );
  }

  const kindStyle = KIND_STYLES[p.kind];
  const directed = kindStyle.arrow !== 'none';
  return (
    <form className="account-form" onSubmit={submit} noValidate data-testid="propose-form">
      <h2 id="account-dialog-title">Propose a partnership</h2>
      <p className="muted">
        For <strong>{organisationName}</strong>. It is public at once, marked as claimed by you, until the
        other side confirms it.
      </p>
      <FormMessage message={serverError?.message ?? null} />
      <div className={`field${show('target') ? ' field-invalid' : ''}`}>
        {p.other ? (
          <p className="picked" data-testid="propose-other">
            With <strong>{p.other.name}</strong>{' '}
            <button type="button" className="link-button" onClick={() => set('other', null)}>
              change
            </button>
          </p>
        ) : (
          <OrganisationPicker
            label="With which organisation? (required)"
            placeholder="Type its name"
            exclude={organisationId}
            onPick={(o) => set('other', o)}
          />
        )}
        {show('target') && (
          <p className="field-error" role="alert">
            {show('target')}
          </p>
        )}
      </div>
      <Field label="Kind" required error={show('kind')}>
        {(a) => (
          <select
            {...a}
            value={p.kind}
            onChange={(e) => set('kind', e.target.value as RelationshipKind)}
            data-testid="propose-kind"
          >
            {RELATIONSHIP_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_STYLES[k].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {directed && (
        <fieldset className="direction">
          <legend>Direction</legend>
          <label>
            <input type="radio" name="direction" checked={p.weAct} onChange={() => set('weAct', true)} />{' '}
            {organisationName} → {p.other?.name ?? 'the other'}
          </label>
          <label>
            <input type="radio" name="direction" checked={!p.weAct} onChange={() => set('weAct', false)} />{' '}
            {p.other?.name ?? 'the other'} → {organisationName}
          </label>
        </fieldset>
      )}
      <div className="field-row">
        <Field label="Since" error={show('since')}>
          {(a) => <input {...a} type="date" value={p.since} onChange={(e) => set('since', e.target.value)} />}
        </Field>
        <Field label="Until" error={show('until')}>
          {(a) => <input {...a} type="date" value={p.until} onChange={(e) => set('until', e.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Amount" error={show('amount')}>
          {(a) => (
            <input
              {...a}
              inputMode="decimal"
              value={p.amount}
              onChange={(e) => set('amount', e.target.value)}
            />
          )}
        </Field>
        <Field label="Currency" error={show('currency')} hint="e.g. GBP">
          {(a) => (
            <input
              {...a}
              value={p.currency}
              maxLength={3}
              onChange={(e) => set('currency', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="What it is about" error={show('description')}>
        {(a) => (
          <textarea
            {...a}
            rows={2}
            value={p.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Source"
        error={show('sourceUrl')}
        hint="A public page that shows it (a curator can verify it)."
      >
        {(a) => (
          <input
            {...a}
            type="url"
            inputMode="url"
            value={p.sourceUrl}
            onChange={(e) => set('sourceUrl', e.target.value)}
            data-testid="propose-source"
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy} data-testid="propose-submit">
          {busy ? 'Sending…' : 'Propose'}
        </button>
        <button type="button" className="button" onClick={() => openAccountView(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
