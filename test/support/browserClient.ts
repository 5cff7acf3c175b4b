// A GraphQL client over HTTP that behaves like a browser tab: it keeps the cookies the server sets (HttpOnly ones
// included, as a browser does) and sends them back, and sends the x-csrf-token header when it has one.
// Or, with a bearer token, like a researcher's script.
import type { TestServer } from './server.ts';

export interface GraphQLReply<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    extensions?: Record<string, unknown> & { code?: string; problems?: Problem[] };
  }[];
  setCookies: string[];
  headers: Headers;
}

export interface Problem {
  field: string | null;
  code: string;
  message: string;
}

export class BrowserClient {
  /** name → value, as a cookie jar keeps them. */
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;
  bearer: string | null = null;

  constructor(private readonly server: TestServer) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<GraphQLReply<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (this.csrfToken !== null && options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    if (this.bearer !== null) headers.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(`${this.server.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = decodeURIComponent(pair!.slice(at + 1).trim());
      const expired = /expires=Thu, 01 Jan 1970/i.test(line) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = (await response.json()) as { data?: T; errors?: GraphQLReply<T>['errors'] };
    return { status: response.status, ...body, setCookies, headers: response.headers };
  }

  /** Signs in (or up) and keeps the CSRF token, as the explorer will. */
  async signIn(email: string, password: string): Promise<GraphQLReply<{ signIn: { csrfToken: string } }>> {
    const reply = await this.graphql<{ signIn: { csrfToken: string } }>(
      'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken account { id } } }',
      { email, password },
    );
    if (reply.data?.signIn) this.csrfToken = reply.data.signIn.csrfToken;
    return reply;
  }
}

/** The first error's code, or undefined. */
export const codeOf = (reply: GraphQLReply<unknown>) => reply.errors?.[0]?.extensions?.code;

/** The fields named by the first error's problems, sorted. */
export const problemFields = (reply: GraphQLReply<unknown>) =>
  (reply.errors?.[0]?.extensions?.problems ?? []).map((p) => p.field).sort();
