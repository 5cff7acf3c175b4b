// The one way the client talks to the server: POST /graphql, typed data back, every failure as an AtlasRequestError.

/** Codes the client adds for failures that never reached GraphQL; server codes come from `extensions.code`. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  http: 'HTTP_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const;

export class AtlasRequestError extends Error {
  override readonly name = 'AtlasRequestError';
  /** The server's `extensions.code` (e.g. NOT_FOUND, BAD_USER_INPUT) or one of CLIENT_ERROR_CODES. */
  readonly code: string;
  /** The HTTP status when there was a response. */
  readonly status: number | undefined;

  constructor(message: string, code: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Injected in tests; the browser's fetch otherwise. */
  fetchFn?: typeof fetch;
  endpoint?: string;
}

interface GraphQLErrorBody {
  message?: unknown;
  extensions?: { code?: unknown };
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: GraphQLErrorBody[];
}

export async function graphqlRequest<TData, TVariables extends object = Record<string, never>>(
  query: string,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TData> {
  const fetchFn = options.fetchFn ?? fetch;
  let response: Response;
  try {
    response = await fetchFn(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new AtlasRequestError(
      'Cannot reach the Partnership Atlas server. Check your connection and try again.',
      CLIENT_ERROR_CODES.network,
    );
  }

  const body = await readBody<TData>(response);
  const firstError = body?.errors?.[0];
  if (firstError) {
    const code =
      typeof firstError.extensions?.code === 'string' ? firstError.extensions.code : 'GRAPHQL_ERROR';
    const message =
      typeof firstError.message === 'string' ? firstError.message : 'The server reported an error.';
    throw new AtlasRequestError(message, code, response.status);
  }
  if (!response.ok) {
    throw new AtlasRequestError(
      `The server answered with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Try again in a moment.`,
      CLIENT_ERROR_CODES.http,
      response.status,
    );
  }
  if (body?.data == null) {
    throw new AtlasRequestError(
      'The server sent a response without data.',
      CLIENT_ERROR_CODES.badResponse,
      response.status,
    );
  }
  return body.data;
}

async function readBody<TData>(response: Response): Promise<GraphQLResponseBody<TData> | null> {
  try {
    const parsed: unknown = await response.json();
    return typeof parsed === 'object' && parsed !== null ? (parsed as GraphQLResponseBody<TData>) : null;
  } catch (error) {
    if (isAbort(error)) throw error;
    return null;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A message fit to show a person, whatever was thrown. */
export function describeError(error: unknown): { message: string; code: string | undefined } {
  if (error instanceof AtlasRequestError) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message, code: undefined };
  return { message: 'Something went wrong.', code: undefined };
}
