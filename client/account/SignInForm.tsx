// Sign in, or create an account (a MEMBER), in the account dialog. Errors per field; a rate limit or a
// wrong password above the form.
import { useState, type FormEvent } from 'react';
import { signIn, signUp } from '../state/useSession.ts';
import { openAccountView, type AccountView } from './accountView.ts';
import { toFormError, type FormError } from './errors.ts';
import { Field, FormMessage } from './Field.tsx';
import { signUpProblems } from './rules.ts';

export function SignInForm({ mode, then }: { mode: 'sign-in' | 'sign-up'; then?: AccountView | undefined }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = mode === 'sign-up';

  const local = signingUp ? signUpProblems({ email, password, name }) : {};
  const show = (field: string) =>
    serverError?.fields[field] ?? (submitted || touched[field] ? local[field] : undefined);
  const touch = (field: string) => setTouched((t) => ({ ...t, [field]: true }));
  const edit = (field: string, set: (v: string) => void) => (value: string) => {
    set(value);
    if (serverError?.fields[field]) {
      const fields = { ...serverError.fields };
      delete fields[field];
      setServerError({ ...serverError, fields });
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setServerError(null);
    try {
      if (signingUp) await signUp(email, password, name);
      else await signIn(email, password);
      openAccountView(then ?? null);
    } catch (error) {
      setServerError(toFormError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate data-testid={`${mode}-form`}>
      <h2 id="account-dialog-title">{signingUp ? 'Create an account' : 'Sign in'}</h2>
      <p className="muted">
        {signingUp
          ? 'An account lets you register your organisation, claim it and answer its partnerships.'
          : 'Sign in to register your organisation, propose partnerships and see your items.'}
      </p>
      <FormMessage message={serverError?.message ?? null} />
      {signingUp && (
        <Field label="Your name" required error={show('name')} hint="Shown with your changes in the history.">
          {(a) => (
            <input
              {...a}
              name="name"
              autoComplete="name"
              value={name}
              onChange={(e) => edit('name', setName)(e.target.value)}
              onBlur={() => touch('name')}
              data-testid="account-name"
            />
          )}
        </Field>
      )}
      <Field label="Email" required error={show('email')}>
        {(a) => (
          <input
            {...a}
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => edit('email', setEmail)(e.target.value)}
            onBlur={() => touch('email')}
            data-testid="account-email"
          />
        )}
      </Field>
      <Field
        label="Password"
        required
        error={show('password')}
        hint={
          signingUp ? '10 characters or more; not a common password, your email or your name.' : undefined
        }
      >
        {(a) => (
          <input
            {...a}
            name="password"
            type="password"
            autoComplete={signingUp ? 'new-password' : 'current-password'}
            value={password}
            onChange={(e) => edit('password', setPassword)(e.target.value)}
            onBlur={() => touch('password')}
            data-testid="account-password"
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy} data-testid="account-submit">
          {busy ? 'Please wait…' : signingUp ? 'Create account' : 'Sign in'}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            openAccountView({ view: signingUp ? 'sign-in' : 'sign-up', ...(then ? { then } : {}) })
          }
          data-testid="account-switch"
        >
          {signingUp ? 'I have an account: sign in' : 'No account yet? Create one'}
        </button>
      </div>
    </form>
  );
}
