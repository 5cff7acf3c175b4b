// The header's account entry: "Sign in" when signed out; the account's name and role with a menu (my
// items, the review queue for curators, sign out) when signed in.
import { useEffect, useRef, useState } from 'react';
import { signOut, useSession } from '../state/useSession.ts';
import { openAccountView } from './accountView.ts';

const ROLE_LABELS: Record<string, string> = { MEMBER: 'Member', CURATOR: 'Curator', ADMIN: 'Admin' };

export const isCurator = (role: string | undefined) => role === 'CURATOR' || role === 'ADMIN';

export function AccountMenu() {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  if (session.status === 'loading') return <span className="account-loading" aria-hidden="true" />;
  const account = session.account;
  if (!account) {
    return (
      <button
        type="button"
        className="button small"
        data-testid="sign-in"
        onClick={() => openAccountView({ view: 'sign-in' })}
      >
        Sign in
      </button>
    );
  }
  const go = (view: Parameters<typeof openAccountView>[0]) => {
    setOpen(false);
    openAccountView(view);
  };
  return (
    <div className="account-menu" ref={ref}>
      <button
        type="button"
        className="button small account-button"
        aria-expanded={open}
        aria-controls="account-menu-list"
        data-testid="account-menu"
        onClick={() => setOpen(!open)}
      >
        <span className="account-name" data-testid="account-name-shown">
          {account.name}
        </span>
        <span className="role-badge" data-testid="account-role">
          {ROLE_LABELS[account.role] ?? account.role}
        </span>
      </button>
      {open && (
        <ul id="account-menu-list" className="account-menu-list card" aria-label="Account">
          <li className="account-email muted">{account.email}</li>
          <li>
            <button type="button" onClick={() => go({ view: 'mine' })} data-testid="my-items">
              My items
            </button>
          </li>
          <li>
            <button type="button" onClick={() => go({ view: 'register' })}>
              Add your organisation
            </button>
          </li>
          {isCurator(account.role) && (
            <li>
              <button type="button" onClick={() => go({ view: 'review' })} data-testid="review-queue-link">
                Review queue
              </button>
            </li>
          )}
          <li>
            <button
              type="button"
              data-testid="sign-out"
              onClick={() => {
                setOpen(false);
                void signOut();
              }}
            >
              Sign out
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
