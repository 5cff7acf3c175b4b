// A labelled form control with its hint and error, wired for assistive technology: the error is announced
// (aria-invalid, aria-describedby pointing at the hint and the message).
import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
    'aria-required': boolean | undefined;
  }) => ReactNode;
  className?: string;
}

export function Field({ label, hint, error, required, children, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field-required"> (required)</span>}
      </label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form's own message (rate limits, conflicts): announced at once. */
export function FormMessage({ message, tone = 'error' }: { message: string | null; tone?: 'error' | 'ok' }) {
  if (!message) return null;
  return (
    <p
      className={`form-message form-message-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="form-message"
    >
      {message}
    </p>
  );
}
