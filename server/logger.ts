// Structured logs (pino): JSON for machines, pretty lines when a person watches the terminal.
import { pino, type Logger } from 'pino';

export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY)): Logger {
  return pino({
    level,
    base: { app: 'partnership-atlas' },
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
