#!/usr/bin/env node
// First step of every npm script: installs what is missing, using only Node's built-ins (it runs before
// node_modules exists). Each step is skipped when a stamp shows its inputs are unchanged.
//
//   node server/cli/setup.mjs start|db|import|deps|test
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const mode = process.argv[2] ?? 'start';
const STEPS = {
  deps: ['node', 'deps'],
  start: ['node', 'deps', 'neo4j', 'client'],
  db: ['node', 'deps', 'neo4j'],
  import: ['node', 'deps', 'neo4j'],
  test: ['node', 'deps', 'neo4j', 'client', 'chromium'],
};

function fail(message) {
  console.error(`\nSet-up stopped: ${message}\n`);
  process.exit(1);
}

function say(message) {
  console.log(`[setup] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) return { ok: false, error: result.error };
  return { ok: result.status === 0, status: result.status };
}

function has(command) {
  const result = spawnSync(command, ['-version'], { stdio: 'ignore' });
  if (!result.error) return true;
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).error === undefined;
}

function hashFiles(files) {
  const hash = crypto.createHash('sha256');
  for (const file of files.sort()) {
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(dir, keep = () => true) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') out.push(...listFiles(full, keep));
    } else if (keep(full)) out.push(full);
  }
  return out;
}

function stamped(stampFile, hash) {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash;
}

const steps = {
  node() {
    const [major, minor] = process.versions.node.split('.').map(Number);
    if (major < 20 || (major === 20 && minor < 19)) {
      fail(
        `Node.js 20.19 or newer is needed; this is ${process.version}. Install a current Node.js 20+ and retry.`,
      );
    }
  },

  deps() {
    const lock = path.join(root, 'package-lock.json');
    const stamp = path.join(root, 'node_modules', '.atlas-installed');
    const hash = hashFiles([lock, path.join(root, 'package.json')]);
    if (stamped(stamp, hash)) return;
    say('installing npm packages (npm ci)…');
    const result = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
    if (!result.ok)
      fail('"npm ci" failed (see above). Check the network access to the npm registry and retry.');
    fs.writeFileSync(stamp, hash);
  },

  neo4j() {
    if (mode !== 'test' && process.env.NEO4J_URI) return; // an external Neo4j needs no local jars
    const dir = path.join(root, 'cypher', 'neo4j');
    const lib = path.join(dir, 'lib');
    const build = path.join(dir, 'build');
    const javaBin = (name) => (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', name) : name);
    if (!has(javaBin('java'))) {
      fail(
        'Java was not found. The local Neo4j needs Java 17+ (Debian: apt-get install -y openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j server.',
      );
    }
    // Jars depend on pom.xml only; the compiled launcher on both.
    const pom = path.join(dir, 'pom.xml');
    const source = path.join(dir, 'Launcher.java');
    const jarsHash = hashFiles([pom]);
    const jarsStamp = path.join(lib, '.atlas-resolved');
    const buildHash = hashFiles([pom, source]);
    const buildStamp = path.join(build, '.atlas-compiled');
    if (stamped(jarsStamp, jarsHash) && stamped(buildStamp, buildHash)) return;
    // Checked before Maven so a JRE-only machine does not download every jar and then fail.
    if (!has(javaBin('javac'))) {
      fail(
        'javac was not found: the Neo4j launcher is compiled once, which needs a JDK 17+ (Debian: apt-get install -y openjdk-17-jdk-headless; or set JAVA_HOME), or set NEO4J_URI to use an existing Neo4j server.',
      );
    }
    if (!stamped(jarsStamp, jarsHash)) {
      if (!has('mvn')) {
        fail(
          'Maven was not found. It fetches the Neo4j jars once: install Maven 3.8+ (Debian: apt-get install -y maven), or set NEO4J_URI to use an existing Neo4j server.',
        );
      }
      say('resolving Neo4j Community jars with Maven (first run only)…');
      fs.rmSync(lib, { recursive: true, force: true });
      const result = run('mvn', [
        '-B',
        '-q',
        '-Dstyle.color=never',
        '-f',
        pom,
        'dependency:copy-dependencies',
      ]);
      if (!result.ok)
        fail('Maven could not resolve the Neo4j jars (see above). Check access to Maven Central and retry.');
      fs.writeFileSync(jarsStamp, jarsHash);
    }
    say('compiling the Neo4j launcher…');
    fs.rmSync(build, { recursive: true, force: true });
    fs.mkdirSync(build, { recursive: true });
    // --release 17: the class must load on the Java that runs it, even when javac is newer.
    const javac = run(javaBin('javac'), ['--release', '17', '-cp', `${lib}/*`, '-d', build, source]);
    if (!javac.ok) fail('javac could not compile cypher/neo4j/Launcher.java (see above).');
    fs.writeFileSync(buildStamp, buildHash);
  },

  client() {
    const clientDir = path.join(root, 'client');
    const dist = path.join(clientDir, 'dist');
    const stamp = path.join(dist, '.atlas-built');
    const inputs = [
      ...listFiles(clientDir, (f) => !f.includes(`${path.sep}dist${path.sep}`)),
      path.join(root, 'package-lock.json'),
    ];
    const hash = hashFiles(inputs);
    if (stamped(stamp, hash)) return;
    say('building the explorer (vite build)…');
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = run(process.execPath, [
      vite,
      'build',
      '--config',
      path.join(clientDir, 'vite.config.ts'),
      '--logLevel',
      'warn',
    ]);
    if (!result.ok) fail('the client build failed (see above).');
    fs.writeFileSync(stamp, hash);
  },

  chromium() {
    if (chromiumPath()) return;
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot) {
      fail(
        "the browser tests need Debian's Chromium. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary).",
      );
    }
    say("installing Debian's chromium for the browser tests (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (!run('apt-get', ['update', '-qq'], { env }).ok)
      fail('"apt-get update" failed; install chromium by hand.');
    if (
      !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], {
        env,
      }).ok
    ) {
      fail('"apt-get install chromium" failed; install it by hand.');
    }
    if (!chromiumPath()) fail('chromium was installed but not found on PATH; set CHROMIUM_PATH.');
  },
};

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  return candidates.find((c) => fs.existsSync(c));
}

const wanted = STEPS[mode];
if (!wanted) fail(`unknown mode "${mode}"; use one of ${Object.keys(STEPS).join(', ')}.`);
for (const step of wanted) steps[step]();
