import { describe, expect, it } from 'vitest';
import { AtlasRequestError, CLIENT_ERROR_CODES, graphqlRequest } from '../../../client/api/graphqlRequest.ts';

function respond(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
}

async function failure(promise: Promise<unknown>): Promise<AtlasRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AtlasRequestError);
  return error as AtlasRequestError;
}

describe('graphqlRequest', () => {
  it('posts the query and variables as JSON to /graphql and returns data', async () => {
    let seen: { url: string; init: RequestInit | undefined } | null = null;
    const fetchFn: typeof fetch = async (url, init) => {
      seen = { url: String(url), init };
      return new Response(JSON.stringify({ data: { ok: true } }), { status: 200 });
    };
    await expect(graphqlRequest('query Q($a: Int) { ok }', { a: 1 }, { fetchFn })).resolves.toEqual({
      ok: true,
    });
    expect(seen!.url).toBe('/graphql');
    expect(seen!.init?.method).toBe('POST');
    expect(JSON.parse(String(seen!.init?.body))).toEqual({
      query: 'query Q($a: Int) { ok }',
      variables: { a: 1 },
    });
  });

  it("turns GraphQL errors into an error with the server's message and extensions.code", async () => {
    const fetchFn = respond(200, {
      data: null,
      errors: [{ message: 'first must be between 1 and 50', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const error = await failure(graphqlRequest('{ x }', {}, { fetchFn }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('first must be between 1 and 50');
  });

  it('reads GraphQL errors from non-2xx responses too (GraphQL over HTTP)', async () => {
    const fetchFn = respond(400, {
      errors: [{ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
    });
    expect((await failure(graphqlRequest('{', {}, { fetchFn }))).code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('reports an HTTP failure without a GraphQL body', async () => {
    const error = await failure(
      graphqlRequest('{ x }', {}, { fetchFn: respond(502, '<html>Bad gateway</html>') }),
    );
    expect(error.code).toBe(CLIENT_ERROR_CODES.http);
    expect(error.status).toBe(502);
  });

  it('reports an unreachable server as a network error', async () => {
    const fetchFn: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect((await failure(graphqlRequest('{ x }', {}, { fetchFn }))).code).toBe(CLIENT_ERROR_CODES.network);
  });

  it('lets an abort through unchanged, so callers can ignore it', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetchFn: typeof fetch = async (_url, init) => {
      init?.signal?.throwIfAborted();
      return new Response('{}');
    };
    await expect(graphqlRequest('{ x }', {}, { fetchFn, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
