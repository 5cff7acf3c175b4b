// The account views over the explorer, in a modal <dialog> (focus stays inside, Escape closes, focus
// returns to where it was): sign in / sign up, registration, my items, the review queue, a proposal.
import { useEffect, useRef } from 'react';
import { openAccountView, useAccountView, type AccountView } from './accountView.ts';
import { MyItems } from './MyItems.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import { RegisterForm } from './RegisterForm.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { SignInForm } from './SignInForm.tsx';
import './account.css';

export function AccountDialogHost() {
  const view = useAccountView();
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const open = view !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
    }
  }, [open]);

  // Each view starts at its first field.
  const key = view ? viewKey(view) : '';
  useEffect(() => {
    if (!key) return;
    const first = ref.current?.querySelector<HTMLElement>(
      'input, select, textarea, button:not(.dialog-close)',
    );
    first?.focus();
  }, [key]);

  return (
    <dialog
      ref={ref}
      className="account-dialog"
      aria-labelledby="account-dialog-title"
      data-testid="account-dialog"
      data-view={view?.view}
      onCancel={(event) => {
        event.preventDefault();
        openAccountView(null);
      }}
    >
      {view && (
        <>
          <button
            type="button"
            className="icon-button dialog-close"
            aria-label="Close"
            onClick={() => openAccountView(null)}
          >
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
              <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
          <ViewContent view={view} />
        </>
      )}
    </dialog>
  );
}

function viewKey(view: AccountView): string {
  return view.view === 'propose' ? `propose:${view.organisationId}` : view.view;
}

function ViewContent({ view }: { view: AccountView }) {
  switch (view.view) {
    case 'sign-in':
    case 'sign-up':
      return <SignInForm key={view.view} mode={view.view} then={view.then} />;
    case 'register':
      return <RegisterForm initialName={view.name} />;
    case 'mine':
      return <MyItems />;
    case 'review':
      return <ReviewQueue />;
    case 'propose':
      return <ProposeForm organisationId={view.organisationId} organisationName={view.organisationName} />;
  }
}
