// Creates the one neo4j-driver instance for the process and checks that the server answers.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../config.ts';
import { UnavailableError } from '../domain/errors.ts';

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

/** Throws an UnavailableError naming the URI and what to check, instead of a driver stack trace. */
export async function verifyConnection(driver: Driver, connection: Neo4jConnection): Promise<void> {
  try {
    await driver.verifyConnectivity({ database: connection.database });
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
}
