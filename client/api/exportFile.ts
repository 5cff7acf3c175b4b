// Downloads from the server's one exporter (POST /export, the same code as `npm run export`): the request
// the explorer sends and the file that comes back. The client never builds an export itself.
import { AtlasRequestError, CLIENT_ERROR_CODES, isAbort } from './graphqlRequest.ts';
import type { ExportFormat } from './generated/vocabulary.ts';

export type { ExportFormat };

export interface ExportRequest {
  format: ExportFormat;
  /** The organisations to export (the ties among them come along). */
  ids: string[];
  /** GraphML, GEXF, Cytoscape.js: the initiatives too, as nodes, each participation an edge (two-mode). */
  initiatives?: boolean;
  /** CSV: which table. */
  table?: 'organisations' | 'relationships';
  /** CSV of organisations: a note per organisation id (a shortlist's reasons), in a `notes` column. */
  notes?: Record<string, string>;
  /** Leave out the ids no published organisation has any more (a shortlist's), instead of failing. */
  skipUnpublished?: boolean;
}

export interface ExportedFile {
  blob: Blob;
  filename: string;
  /** The ids left out as unpublished (skipUnpublished): how many, and the first ones listed. */
  skipped: { count: number; ids: string[] };
}

/** The headers the server (server/http/app.ts) names the ids an export left out in. */
export const SKIPPED_HEADER = 'X-Atlas-Skipped';
export const SKIPPED_COUNT_HEADER = 'X-Atlas-Skipped-Count';

/** What the server says it left out; none when it says nothing. */
export function skippedOf(headers: Headers): ExportedFile['skipped'] {
  const listed = headers.get(SKIPPED_HEADER);
  const ids = listed ? listed.split(',').map((id) => decodeURIComponent(id)) : [];
  const count = Number(headers.get(SKIPPED_COUNT_HEADER));
  return { count: Number.isInteger(count) && count > ids.length ? count : ids.length, ids };
}

/** The file name the server gives in Content-Disposition, or `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

export async function requestExport(
  request: ExportRequest,
  options: { signal?: AbortSignal; fetchFn?: typeof fetch } = {},
): Promise<ExportedFile> {
  const fetchFn = options.fetchFn ?? fetch;
  let response: Response;
  try {
    response = await fetchFn('/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new AtlasRequestError(
      'Cannot reach the Partnership Atlas server. Check your connection and try again.',
      CLIENT_ERROR_CODES.network,
    );
  }
  if (!response.ok) {
    let message = `The export failed with HTTP ${response.status}.`;
    let code: string = CLIENT_ERROR_CODES.http;
    try {
      const body = (await response.json()) as {
        errors?: { message?: string; extensions?: { code?: string } }[];
      };
      message = body.errors?.[0]?.message ?? message;
      code = body.errors?.[0]?.extensions?.code ?? code;
    } catch {
      // Not JSON: keep the status message.
    }
    throw new AtlasRequestError(message, code, response.status);
  }
  const blob = await response.blob();
  return {
    blob,
    skipped: skippedOf(response.headers),
    filename: attachmentName(
      response.headers.get('content-disposition'),
      `partnership-atlas.${request.format.toLowerCase()}`,
    ),
  };
}
