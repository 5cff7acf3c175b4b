// The offline query editor served at /graphql to browsers: GraphiQL bundled from npm (no CDN), its
// workers built by Vite and served from our own origin, the schema's documentation in the side panel,
// one ready example per research question as tabs. A shared link (/graphql?query=…&variables=…) opens
// with that query loaded and runs it; a link holding a mutation is loaded, never run on opening.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { Kind, parse } from 'graphql';
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES } from './examples.ts';
import './editor.css';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

/** Storage that forgets, for links: a shared query must not be hidden behind tabs saved earlier. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

/** Runs the linked query once the schema has loaded and the editors exist. */
function RunOnOpen() {
  const { run } = useGraphiQLActions();
  const ready = useGraphiQL((state) => Boolean(state.schema && state.queryEditor && state.responseEditor));
  const done = useRef(false);
  useEffect(() => {
    if (ready && !done.current) {
      done.current = true;
      run();
    }
  }, [ready, run]);
  return null;
}

/** Whether a linked document only reads: run on opening only then, so a link cannot make anyone write. */
function onlyQueries(document: string): boolean {
  try {
    return parse(document).definitions.every(
      (d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query',
    );
  } catch {
    return false;
  }
}

function Editor() {
  const params = new URLSearchParams(window.location.search);
  const linked = params.get('query');
  const variables = params.get('variables') ?? undefined;
  const tabs = linked
    ? [{ query: linked, ...(variables ? { variables } : {}) }]
    : EXAMPLES.map((example) => ({ query: example.query }));
  const runs = linked !== null && onlyQueries(linked);
  return (
    <div className="editor-page">
      <header className="editor-header">
        <a className="editor-brand" href="/">
          Partnership Atlas
        </a>
        <span className="editor-title">GraphQL query editor</span>
        <span className="editor-hint">
          {linked === null
            ? `${EXAMPLES.length} examples as tabs · documentation in the side panel`
            : runs
              ? 'Opened from a link: the query has run.'
              : 'Opened from a link: not run, as it is not only a read (or does not parse). Check it first.'}
        </span>
        <a className="editor-back" href="/">
          Back to the explorer
        </a>
      </header>
      <div className="editor-body">
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={tabs}
          {...(linked ? { storage: memoryStorage() } : {})}
          defaultEditorToolsVisibility
        >
          {runs ? <RunOnOpen /> : null}
        </GraphiQL>
      </div>
    </div>
  );
}

const root = document.getElementById('editor');
if (!root) throw new Error('editor.html must contain <div id="editor">.');
createRoot(root).render(
  <StrictMode>
    <Editor />
  </StrictMode>,
);
