// Starts and stops the project's own embedded Neo4j (cypher/launcher/Launcher.java) as a child JVM.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LocalNeo4jConfig } from '../config.ts';

export const LAUNCHER_DIR = fileURLToPath(new URL('../../cypher/launcher/', import.meta.url));

export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** Stops the JVM cleanly (SIGTERM, then waits); resolves when it has exited. */
  stop(): Promise<void>;
  /** Resolves with the exit code if the JVM exits by itself. */
  exited: Promise<number | null>;
}

/** Start-up failures that name the problem and the fix. */
export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
  constructor(
    readonly code:
      'NO_JAVA' | 'OLD_JAVA' | 'NOT_INSTALLED' | 'PORT_IN_USE' | 'STORE_LOCKED' | 'START_FAILED' | 'TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
];

export function javaExecutable(javaHome: string | undefined): string {
  return javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
}

/** Checks that Java 17+ runs; throws a LocalNeo4jError that says how to fix it. */
export function checkJava(javaHome: string | undefined): void {
  const java = javaExecutable(javaHome);
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new LocalNeo4jError(
      'NO_JAVA',
      `Java was not found (${java}). The local Neo4j needs Java 17 or newer: install it (Debian: apt-get install -y openjdk-17-jre-headless) or set JAVA_HOME, or set NEO4J_URI to use an existing Neo4j server.`,
    );
  }
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new LocalNeo4jError(
      'OLD_JAVA',
      `Java ${major || '(unknown version)'} found at ${java}, but the local Neo4j needs Java 17 or newer: install Java 17+ or point JAVA_HOME at it.`,
    );
  }
}

export async function startLocalNeo4j(
  config: LocalNeo4jConfig,
  log: (line: string) => void = () => {},
  /** Aborting (e.g. Ctrl-C during start-up) stops the JVM and rejects. */
  signal?: AbortSignal,
): Promise<LocalNeo4j> {
  checkJava(config.javaHome);
  const lib = path.join(LAUNCHER_DIR, 'lib');
  if (!fs.existsSync(lib) || fs.readdirSync(lib).length === 0) {
    throw new LocalNeo4jError(
      'NOT_INSTALLED',
      `The Neo4j jars are missing in ${lib}. Run "npm start" or "npm run db" (they resolve them with Maven), or set NEO4J_URI to use an existing Neo4j server.`,
    );
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const compiled = path.join(LAUNCHER_DIR, 'build', 'Launcher.class');
  const classpath = fs.existsSync(compiled)
    ? `${path.join(LAUNCHER_DIR, 'build')}${path.delimiter}${lib}/*`
    : `${lib}/*`;
  const main = fs.existsSync(compiled) ? 'Launcher' : path.join(LAUNCHER_DIR, 'Launcher.java');
  const args = [
    `-Xms${config.heap}`,
    `-Xmx${config.heap}`,
    ...JVM_FLAGS,
    '-cp',
    classpath,
    main,
    '--home',
    config.dataDir,
    '--port',
    String(config.boltPort),
    '--pagecache',
    config.pageCache,
    '--watch-stdin',
  ];
  const logFile = path.join(config.dataDir, 'launcher.log');
  const errOut = fs.openSync(logFile, 'a');
  // Own process group: Ctrl-C reaches Node, which then stops the database in order (driver first).
  const child = spawn(javaExecutable(config.javaHome), args, {
    stdio: ['pipe', 'pipe', errOut],
    detached: true,
  });
  fs.closeSync(errOut);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const uri = await waitForReady(child, config, logFile, log, exited, signal);
  return {
    uri,
    pid: child.pid ?? -1,
    exited,
    stop: () => stopChild(child, exited),
  };
}

function waitForReady(
  child: ChildProcess,
  config: LocalNeo4jConfig,
  logFile: string,
  log: (line: string) => void,
  exited: Promise<number | null>,
  signal: AbortSignal | undefined,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    // Stop the JVM before reporting, so the caller can exit without leaving it holding the store.
    const stopThenReject = (error: LocalNeo4jError) =>
      settle(() => void stopChild(child, exited).then(() => reject(error)));
    const timer = setTimeout(
      () =>
        stopThenReject(
          new LocalNeo4jError(
            'TIMEOUT',
            `The local Neo4j did not start within ${config.startTimeoutMs / 1000} s. See ${logFile} and ${path.join(config.dataDir, 'logs', 'debug.log')}.`,
          ),
        ),
      config.startTimeoutMs,
    );
    const onAbort = () => stopThenReject(new LocalNeo4jError('START_FAILED', 'start-up was interrupted'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const ready = /^ATLAS_NEO4J_READY (\S+)/.exec(line);
      const failed = /^ATLAS_NEO4J_ERROR (\S+) (.*)$/.exec(line);
      if (ready) settle(() => resolve(ready[1] as string));
      else if (failed) settle(() => reject(launcherError(failed[1] as string, failed[2] as string, config)));
      else if (line.trim() !== '') log(line);
    });
    child.once('error', (error) =>
      settle(() => reject(new LocalNeo4jError('START_FAILED', `Could not start Java: ${error.message}`))),
    );
    void exited.then((code) =>
      settle(() =>
        reject(
          new LocalNeo4jError(
            'START_FAILED',
            `The local Neo4j exited during start-up (code ${code}). See ${logFile} and ${path.join(config.dataDir, 'logs', 'debug.log')}.`,
          ),
        ),
      ),
    );
  });
}

function launcherError(code: string, message: string, config: LocalNeo4jConfig): LocalNeo4jError {
  if (code === 'PORT_IN_USE') {
    return new LocalNeo4jError(
      'PORT_IN_USE',
      `${message}. Stop the program using it (another "npm run db"? then start with NEO4J_URI=bolt://127.0.0.1:${config.boltPort}) or choose another port with NEO4J_BOLT_PORT.`,
    );
  }
  if (code === 'STORE_LOCKED') {
    return new LocalNeo4jError(
      'STORE_LOCKED',
      `${message}. Only one Neo4j can use a data folder: if "npm run db" is running, start with NEO4J_URI=bolt://127.0.0.1:${config.boltPort}; otherwise set NEO4J_DATA_DIR to another folder.`,
    );
  }
  return new LocalNeo4jError('START_FAILED', `The local Neo4j could not start: ${message}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  // A clean shutdown flushes the store; give it time before forcing (a forced stop means recovery next start).
  const forced = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(forced);
}

/** The file in the data folder by which a running local Neo4j announces itself (written by the launcher). */
export const ANNOUNCEMENT_FILE = 'atlas-neo4j.json';

export interface Announcement {
  uri: string;
  pid: number;
  startedAt: string;
}

export type RunningLocalNeo4j =
  | { state: 'none' }
  | { state: 'running'; announcement: Announcement; file: string }
  | { state: 'stale'; file: string; reason: string };

/**
 * Whether a local Neo4j already runs on `dataDir`: its announcement names a live process whose Bolt port
 * accepts connections. A file left by a crash (dead process, closed port, unreadable) is reported stale.
 */
export async function findRunningLocalNeo4j(dataDir: string): Promise<RunningLocalNeo4j> {
  const file = path.join(dataDir, ANNOUNCEMENT_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { state: 'none' };
  }
  let announcement: Announcement;
  try {
    const parsed = JSON.parse(text) as Partial<Announcement>;
    if (typeof parsed.uri !== 'string' || typeof parsed.pid !== 'number') throw new Error('missing fields');
    announcement = { uri: parsed.uri, pid: parsed.pid, startedAt: String(parsed.startedAt ?? '') };
  } catch {
    return { state: 'stale', file, reason: 'the file is unreadable' };
  }
  if (!processAlive(announcement.pid)) {
    return { state: 'stale', file, reason: `process ${announcement.pid} is no longer running` };
  }
  const port = Number(/:(\d+)$/.exec(announcement.uri)?.[1]);
  if (!(await portAnswers(port))) {
    return { state: 'stale', file, reason: `nothing answers on ${announcement.uri}` };
  }
  return { state: 'running', announcement, file };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portAnswers(port: number): Promise<boolean> {
  if (!Number.isInteger(port) || port <= 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
