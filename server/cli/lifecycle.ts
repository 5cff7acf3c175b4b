// Start-up and shutdown helpers shared by the CLIs: one clear message per failure, clean stop on signals.
import net from 'node:net';
import type { Logger } from 'pino';
import { ConfigError } from '../config.ts';
import { LocalNeo4jError } from '../db/localNeo4j.ts';
import { AtlasError } from '../common/errors.ts';

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

export function assertPortFree(port: number, host: string, variable: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${port} on ${host} is already in use (another Partnership Atlas?). Stop that program or choose another port, e.g. ${variable}=${port + 1}.`,
            )
          : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Prints one line naming the problem and the fix, then exits non-zero. */
export function exitWithStartupError(error: unknown): never {
  return exitWithError('Partnership Atlas could not start', error);
}

export function exitWithError(what: string, error: unknown): never {
  const known =
    error instanceof ConfigError ||
    error instanceof LocalNeo4jError ||
    error instanceof PortInUseError ||
    error instanceof AtlasError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n${what}: ${message}\n`);
  if (!known && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
}

/**
 * Runs `stop` once on SIGINT/SIGTERM. Ctrl-C reaches every process of the terminal's group and npm
 * relays it too, so the same key press can arrive twice: only a signal more than two seconds after the
 * first counts as "stop now" and skips waiting for a clean database shutdown.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let firstAt: number | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (firstAt !== undefined) {
      if (Date.now() - firstAt < 2_000) return;
      logger.warn('second signal: exiting without waiting (the local Neo4j stops by itself when we exit)');
      process.exit(130);
    }
    firstAt = Date.now();
    logger.info({ signal }, 'shutting down');
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
