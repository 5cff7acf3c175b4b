// Structured logs (pino): JSON for machines, pretty lines when a person watches the terminal.
import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Secrets never reach the log, even if a request or an object holding them is logged one day:
 * cookies, Authorization headers, passwords and their hashes, session and API tokens.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'headers.cookie',
  'headers.authorization',
  'password',
  'passwordHash',
  'sessionToken',
  'token',
  'csrfToken',
  '*.password',
  '*.passwordHash',
  '*.sessionToken',
  '*.token',
  '*.csrfToken',
];

/** `destination`: where JSON lines go instead of stdout (tests read the log back). */
export function createLogger(
  level: string,
  pretty = Boolean(process.stdout.isTTY),
  destination?: DestinationStream,
): Logger {
  const base = {
    level,
    base: { app: 'partnership-atlas' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (destination) return pino(base, destination);
  return pino({
    ...base,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,app' },
          },
        }
      : {}),
  });
}
