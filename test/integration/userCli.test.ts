// `npm run user -- add|list|role` as a process against the run's Neo4j: the password comes from
// ATLAS_PASSWORD or standard input and is never printed; bad input is refused with a clear message.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '../../server/domain/accounts/passwords.ts';
import { deleteAccountsData, emailOf } from '../support/accounts.ts';
import { runCypher } from '../support/cypher.ts';
import { connectTestDb, uniquePrefix, type TestDb } from '../support/db.ts';
import { ROOT } from '../support/processes.ts';

let db: TestDb;
const p = uniquePrefix('usercli');
const PASSWORD = 'a passphrase for the first admin';

beforeAll(() => {
  db = connectTestDb();
});
afterAll(async () => {
  await deleteAccountsData(db, p);
  await db.close();
});

/** Runs `server/cli/user.ts` with these arguments, an optional ATLAS_PASSWORD and standard input. */
function user(args: string[], options: { password?: string; stdin?: string } = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'ATLAS_PASSWORD',
      ),
    );
    env.NEO4J_URI = inject('neo4jUri');
    env.LOG_LEVEL = 'warn';
    if (options.password !== undefined) env.ATLAS_PASSWORD = options.password;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/user.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.stdin.end(options.stdin ?? '');
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const account = async (email: string) =>
  (
    await runCypher(
      db.driver,
      'MATCH (a:Account {email: $email}) RETURN a.role AS role, a.passwordHash AS hash, a.name AS name',
      { email },
    )
  )[0];

describe('npm run user', () => {
  it('adds the first admin with the password from ATLAS_PASSWORD, and never prints it', async () => {
    const email = emailOf(p, 'admin');
    const run = await user(['add', '--email', email, '--role', 'admin', '--name', 'First Admin'], {
      password: PASSWORD,
    });
    expect(run.code).toBe(0);
    expect(run.output).toMatch(new RegExp(`Created the ADMIN account ${email}`));
    expect(run.output).not.toContain(PASSWORD);
    const stored = await account(email);
    expect(stored).toMatchObject({ role: 'ADMIN', name: 'First Admin' });
    expect(await verifyPassword(stored!.hash as string, PASSWORD)).toBe(true);
  });

  it('reads the password from standard input when ATLAS_PASSWORD is not set', async () => {
    const email = emailOf(p, 'curator');
    const run = await user(['add', '--email', email, '--role', 'curator'], { stdin: `${PASSWORD}\n` });
    expect(run.code).toBe(0);
    expect(run.output).not.toContain(PASSWORD);
    expect(await verifyPassword((await account(email))!.hash as string, PASSWORD)).toBe(true);
  });

  it('lists accounts and changes roles', async () => {
    const email = emailOf(p, 'member');
    expect((await user(['add', '--email', email, '--role', 'member'], { password: PASSWORD })).code).toBe(0);
    const listed = await user(['list']);
    expect(listed.code).toBe(0);
    expect(listed.output).toMatch(new RegExp(`${email}\\tMEMBER\\t`));
    expect(listed.output).not.toMatch(/argon2/);
    const role = await user(['role', '--email', email, '--role', 'curator']);
    expect(role.code).toBe(0);
    expect(role.output).toContain(`${email} is now CURATOR.`);
    expect((await account(email))!.role).toBe('CURATOR');
    const missing = await user(['role', '--email', emailOf(p, 'nobody'), '--role', 'admin']);
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/No account has the email/);
  });

  it('refuses a weak password, a malformed email, a taken email, an unknown role or command, writing nothing', async () => {
    const weak = await user(['add', '--email', emailOf(p, 'weak'), '--role', 'admin'], {
      password: 'password123',
    });
    expect(weak.code).toBe(1);
    expect(weak.output).toMatch(/--password: password is one of the most common passwords/);
    expect(await account(emailOf(p, 'weak'))).toBeUndefined();
    const malformed = await user(['add', '--email', 'not-an-email', '--role', 'admin'], {
      password: PASSWORD,
    });
    expect(malformed.code).toBe(1);
    expect(malformed.output).toMatch(/--email: email must be an address/);
    const taken = await user(['add', '--email', emailOf(p, 'admin'), '--role', 'admin'], {
      password: PASSWORD,
    });
    expect(taken.code).toBe(1);
    expect(taken.output).toMatch(/already exists/);
    const role = await user(['add', '--email', emailOf(p, 'king'), '--role', 'king'], { password: PASSWORD });
    expect(role.code).toBe(2);
    expect(role.output).toMatch(/--role must be one of member, curator, admin; got "king"/);
    const command = await user(['remove', '--email', emailOf(p, 'admin')]);
    expect(command.code).toBe(2);
    expect(command.output).toMatch(/Unknown command "remove"/);
    expect(await account(emailOf(p, 'king'))).toBeUndefined();
  });
});
