// A failure as a person reads it: the message, the code for a bug report, and a way to try again.
import { describeError } from '../api/graphqlRequest.ts';

export function ErrorDetails({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { message, code } = describeError(error);
  return (
    <>
      <p className="error-message">
        {message}
        {code && <code className="error-code">{code}</code>}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </>
  );
}
