// Checks every mutation before it runs, in one place: a mutation that relies on the session cookie must
// carry the matching x-csrf-token header (double submit, csrf-csrf), and mutations count against the
// rate limits per account and per address. Refusals are our errors, with an HTTP status. Every operation
// is logged (mutations at info, as an audit trail) with who asked and the error codes, never variables.
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { CsrfError, RateLimitedError, type AtlasError } from '../common/errors.ts';
import type { Logger } from 'pino';
import type { Context } from './context.ts';
import { rootFields } from './rootFields.ts';

function refuse(error: AtlasError, status: number, headers?: HeaderMap): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { http: { status, ...(headers ? { headers } : {}) } },
  });
}

export function accountsPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    // An unknown or revoked API token refuses the request before it starts: log that it happened, not the token.
    async contextCreationDidFail({ error }) {
      const code = (error as { extensions?: { code?: unknown }; originalError?: { code?: unknown } })
        .originalError?.code;
      logger.info({ errors: [code ?? null] }, 'graphql request refused');
    },
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, document, operation, operationName, response }) {
          const viewer = contextValue.accounts?.viewer;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          // A rate limit met inside a resolver (signIn, signUp) answers like the plugin's own: HTTP 429
          // with Retry-After, so clients and proxies that read only the status see it too.
          const limited = body?.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
          if (limited) {
            response.http.status = 429;
            const after = Number(limited.extensions?.retryAfterSeconds);
            if (Number.isFinite(after) && after > 0) response.http.headers.set('retry-after', String(after));
          }
          const mutation = operation?.operation === 'mutation';
          // Queries are logged at debug level only: skip building their entry when that level is off.
          if (!mutation && !logger.isLevelEnabled('debug')) return;
          const entry = {
            operation: operation?.operation ?? null,
            operationName: operationName ?? null,
            // Through fragments too: `mutation { ...F }` is audited by the fields F runs.
            fields: operation ? rootFields(operation, document).map((f) => f.name) : [],
            account: viewer?.kind === 'account' ? viewer.id : null,
            via: viewer?.kind === 'account' ? viewer.via : null,
            address: contextValue.accounts?.origin.address ?? null,
            errors: body?.errors?.map((e) => e.extensions?.code ?? null) ?? [],
          };
          if (mutation) logger.info(entry, 'graphql mutation');
          else logger.debug(entry, 'graphql operation');
        },
        async didResolveOperation({ contextValue, document, operation }) {
          if (operation?.operation !== 'mutation') return;
          const { viewer, csrfValid, origin } = contextValue.accounts;
          if (viewer.kind === 'account' && viewer.via === 'session' && !csrfValid) {
            throw refuse(
              new CsrfError(
                'This mutation uses your session cookie but has no valid x-csrf-token header: send the csrfToken from signIn (or the csrfToken query).',
              ),
              403,
            );
          }
          try {
            await origin.limits.mutations(
              origin.address,
              viewer.kind === 'account' ? viewer.id : null,
              // Each root field counts, also inside named and inline fragments.
              Math.max(1, rootFields(operation, document).length),
            );
          } catch (error) {
            if (error instanceof RateLimitedError) {
              throw refuse(error, 429, new HeaderMap([['retry-after', String(error.retryAfterSeconds)]]));
            }
            throw error;
          }
        },
      };
    },
  };
}
