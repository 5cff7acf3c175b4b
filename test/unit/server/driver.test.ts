import { describe, expect, it } from 'vitest';
import { supportedServer } from '../../../server/db/driver.ts';

describe('supportedServer', () => {
  it.each([
    ['Neo4j/5.26.30', true],
    ['Neo4j/5.26.0', true],
    ['Neo4j/2025.10.1', true],
    ['Neo4j/5.25.1', false],
    ['Neo4j/4.4.40', false],
    [undefined, true],
  ])('%s → %s', (agent, ok) => {
    expect(supportedServer(agent)).toBe(ok);
  });
});
