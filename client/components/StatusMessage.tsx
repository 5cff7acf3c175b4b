// The one message over the graph: empty, loading, not found or error (testid "status", state in data-state).
import type { ReactNode } from 'react';

export type StatusState = 'empty' | 'loading' | 'expanding' | 'not-found' | 'error';

interface StatusMessageProps {
  state: StatusState;
  title: string;
  /** 'toast' leaves the graph usable (a message about an expansion); 'center' stands in for the graph. */
  placement?: 'center' | 'toast';
  children?: ReactNode;
}

export function StatusMessage({ state, title, placement = 'center', children }: StatusMessageProps) {
  const isError = state === 'error';
  return (
    <div
      className={`status status-${state} status-${placement} card`}
      data-testid="status"
      data-state={state}
      role={isError ? 'alert' : 'status'}
      aria-live={isError ? 'assertive' : 'polite'}
    >
      {(state === 'loading' || state === 'expanding') && <span className="spinner" aria-hidden="true" />}
      <div className="status-text">
        <p className="status-title">{title}</p>
        {children}
      </div>
    </div>
  );
}
