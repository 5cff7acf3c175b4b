// Authorisation is decided in one place (server/domain/access/policy.ts): no other server file compares
// roles, throws FORBIDDEN itself, or reaches for hasRole. A planted check elsewhere makes this fail.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ACCESS = path.join('server', 'domain', 'access');

function serverFiles(dir = path.join(ROOT, 'server')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : serverFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Decisions outside the policy: role comparisons, FORBIDDEN thrown by hand, the role helper imported. */
function decisionsOutsidePolicy(file: string, text: string): string[] {
  if (path.relative(ROOT, file).startsWith(ACCESS)) return [];
  const found: string[] = [];
  if (/new ForbiddenError\(/.test(text)) found.push('throws ForbiddenError');
  if (/\brole\s*[!=]==\s*'(MEMBER|CURATOR|ADMIN)'/.test(text)) found.push('compares a role');
  if (/\{[^}]*\bhasRole\b[^}]*\}\s*from\s*'[./]*access\/actor\.ts'/.test(text)) found.push('imports hasRole');
  return found;
}

describe('one policy module decides who may do what', () => {
  it('no server file outside server/domain/access decides on roles or throws FORBIDDEN', () => {
    const offenders = serverFiles().flatMap((file) =>
      decisionsOutsidePolicy(file, fs.readFileSync(file, 'utf8')).map(
        (what) => `${path.relative(ROOT, file)}: ${what}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the check finds planted decisions', () => {
    const planted = path.join(ROOT, 'server/domain/curation/planted.ts');
    expect(
      decisionsOutsidePolicy(planted, "import { hasRole, type Actor } from '../access/actor.ts';"),
    ).toEqual(['imports hasRole']);
    expect(
      decisionsOutsidePolicy(planted, "if (actor.role === 'CURATOR') throw new ForbiddenError('no');"),
    ).toEqual(['throws ForbiddenError', 'compares a role']);
    expect(decisionsOutsidePolicy(path.join(ROOT, ACCESS, 'policy.ts'), 'new ForbiddenError(why)')).toEqual(
      [],
    );
  });
});
