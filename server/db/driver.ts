// Creates the one neo4j-driver instance for the process and checks that the server answers.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../config.ts';
import { UnavailableError } from '../common/errors.ts';

export function createDriver(connection: Neo4jConnection): Driver {
  // No user: the local embedded Neo4j, which runs without authentication and listens on 127.0.0.1 only.
  const auth =
    connection.user !== undefined
      ? neo4j.auth.basic(connection.user, connection.password ?? '')
      : { scheme: 'none', principal: '', credentials: '' };
  return neo4j.driver(connection.uri, auth, {
    connectionTimeout: 10_000,
    maxConnectionPoolSize: 50,
    userAgent: 'partnership-atlas',
  });
}

/** The oldest server the Cypher in cypher/ runs on (dynamic relationship types in MERGE arrived in 5.26). */
export const MIN_NEO4J = { major: 5, minor: 26 } as const;

/** Parses "Neo4j/5.26.30" or "Neo4j/2025.10.1"; calendar versions (2025+) are newer than every 5.x. */
export function supportedServer(agent: string | undefined): boolean {
  const match = /Neo4j\/(\d+)\.(\d+)/.exec(agent ?? '');
  if (!match) return true; // unknown agents (proxies) are given the benefit of the doubt
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > MIN_NEO4J.major || (major === MIN_NEO4J.major && minor >= MIN_NEO4J.minor);
}

/** Throws an UnavailableError naming the URI and what to check, instead of a driver stack trace. */
export async function verifyConnection(driver: Driver, connection: Neo4jConnection): Promise<void> {
  let agent: string | undefined;
  try {
    agent = (await driver.getServerInfo({ database: connection.database })).agent;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const auth = /auth|credentials|unauthorized/i.test(reason);
    const hint = auth
      ? 'Check NEO4J_USER and NEO4J_PASSWORD.'
      : 'Check NEO4J_URI and that the server is running and reachable, or unset NEO4J_URI to use the local Neo4j.';
    throw new UnavailableError(`Cannot connect to Neo4j at ${connection.uri}: ${reason}. ${hint}`, {
      cause: error,
    });
  }
  if (!supportedServer(agent)) {
    throw new UnavailableError(
      `The Neo4j at ${connection.uri} is ${agent}; Partnership Atlas needs Neo4j ${MIN_NEO4J.major}.${MIN_NEO4J.minor} or newer (or a 2025+ calendar release). Upgrade it, or unset NEO4J_URI to use the local Neo4j.`,
    );
  }
}
