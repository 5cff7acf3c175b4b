// `npm run user -- add|list|role`: accounts from the command line (the first admin, roles). Whoever can
// run this can reach the database, so it needs no sign-in. The password comes from ATLAS_PASSWORD or
// standard input and is never printed.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import { InvalidInputError } from '../common/errors.ts';
import { createAccount, listAccounts, setRole } from '../domain/accounts/accounts.ts';
import { ROLES, type Role } from '../domain/model.ts';
import { createLogger } from '../logger.ts';
import { exitWithError } from './lifecycle.ts';

const USAGE = `Usage: npm run user -- <command> [options]

Commands:
  add  --email E --role ${ROLES.map((r) => r.toLowerCase()).join('|')} [--name N]
       Creates an account. The password is read from ATLAS_PASSWORD, or else from standard input
       (typed without echo in a terminal, or piped: the first line). At least 10 characters.
  list
       Lists every account: email, role, name, id, created.
  role --email E --role ${ROLES.map((r) => r.toLowerCase()).join('|')}
       Changes an account's role.

Uses the Neo4j of NEO4J_URI when set; otherwise the local Neo4j that "npm start" or "npm run db" is
running on the data folder, or starts the local Neo4j for the command and stops it afterwards.`;

function usage(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

function roleOf(value: string | undefined): Role {
  const role = value?.toUpperCase();
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    usage(
      `--role must be one of ${ROLES.map((r) => r.toLowerCase()).join(', ')}${value ? `; got "${value}"` : ''}.`,
    );
  }
  return role as Role;
}

/** ATLAS_PASSWORD, or standard input: hidden when typed in a terminal, the first line when piped. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.ATLAS_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
  let muted = false;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (!muted) write(s);
  };
  const answer = await new Promise<string>((resolve) => {
    rl.question('Password (not shown): ', resolve);
    muted = true;
  });
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [command, ...rest] = positionals;
  if (rest.length > 0) usage(`Unexpected argument "${rest[0]}".`);
  if (command !== 'add' && command !== 'list' && command !== 'role') {
    usage(command ? `Unknown command "${command}".` : 'Give a command.');
  }
  if (command !== 'list' && !values.email) usage('--email is required.');
  const role = command === 'list' ? undefined : roleOf(values.role);
  // Read the password before starting any database: a mistake there costs nothing.
  const password = command === 'add' ? await readPassword() : '';

  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await openDatabase(config, logger, { say: (message) => console.log(`Database: ${message}.`) });
  try {
    await applyMigrations(db.runner);
    if (command === 'add') {
      const email = values.email!;
      const account = await createAccount(db.runner, {
        email,
        password,
        name: values.name ?? email.split('@')[0] ?? email,
        role: role!,
      });
      console.log(`Created the ${account.role} account ${account.email} (${account.id}).`);
    } else if (command === 'role') {
      const account = await setRole(db.runner, values.email!, role!);
      console.log(`${account.email} is now ${account.role}.`);
    } else {
      const accounts = await listAccounts(db.runner);
      if (accounts.length === 0) console.log('No accounts yet: npm run user -- add --email E --role admin');
      for (const a of accounts) {
        console.log(`${a.email}\t${a.role}\t${a.name}\t${a.id}\t${a.createdAt}`);
      }
    }
  } catch (error) {
    await db.close();
    if (error instanceof InvalidInputError) {
      console.error(`${error.problems.length} problem(s); nothing was written:`);
      for (const p of error.problems)
        console.error(`  ${p.field ? `--${p.field}: ` : ''}${p.message} [${p.code}]`);
      process.exit(1);
    }
    throw error;
  }
  await db.close();
}

main().catch((error: unknown) => exitWithError('npm run user failed', error));
