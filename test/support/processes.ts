// Runs the project's CLIs as child processes, as a person would, and watches their output.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningCli {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `server/cli/<script>` with tsx's loader in the same process, so signals reach it directly. */
export function runCli(
  script: string,
  env: Record<string, string | undefined>,
  args: string[] = [],
): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', `server/cli/${script}`, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child, false);
}

/**
 * Runs `npm run <script>` in a process group of its own, like a terminal does: stop() then signals the
 * whole group, as Ctrl-C would (npm, its shell and the server all receive it).
 */
export function runNpm(script: string, env: Record<string, string | undefined>): RunningCli {
  const child = spawn('npm', ['run', '--silent', script], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return watch(child, true);
}

/** The environment a person's shell gives: no test-runner variables (Vitest sets NODE_ENV=test, which
 * changes Apollo's behaviour), nothing from NEO4J_URI unless the test sets it. */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST',
    ),
  );
  return { ...base, NEO4J_URI: undefined, LOG_LEVEL: 'info', ...env } as NodeJS.ProcessEnv;
}

function watch(child: ChildProcess, group: boolean): RunningCli {
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (match) {
            cleanup();
            resolve(match[0]);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern} in output:\n${text}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          if (!pattern.test(text)) {
            cleanup();
            reject(new Error(`process exited before ${pattern} appeared; output:\n${text}`));
          }
        });
        check();
      });
    },
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) {
        if (group && child.pid !== undefined) process.kill(-child.pid, signal);
        else child.kill(signal);
      }
      return exited;
    },
  };
}
