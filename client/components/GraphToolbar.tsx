// Top right of the graph: undo and redo, zoom and fit, downloads of what is drawn (the picture as PNG, and
// the organisations with their ties in every export format, from the server's exporter) and the link to it.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { describeError } from '../api/graphqlRequest.ts';
import { requestExport, type ExportRequest } from '../api/exportFile.ts';
import type { UndoRedo } from '../state/useViewState.ts';
import type { GraphHandle } from './GraphView.tsx';
import { saveFile } from './saveFile.ts';
import type { ToastApi } from './Toasts.tsx';

interface GraphToolbarProps {
  graph: RefObject<GraphHandle | null>;
  history: UndoRedo;
  toasts: ToastApi;
  phone: boolean;
}

interface Download {
  id: string;
  label: string;
  detail: string;
  request?: Omit<ExportRequest, 'ids'>;
}

export const DOWNLOADS: readonly Download[] = [
  { id: 'png', label: 'Picture (PNG)', detail: 'the graph as drawn, for a briefing' },
  {
    id: 'csv-organisations',
    label: 'Organisations (CSV)',
    detail: 'spreadsheet',
    request: { format: 'CSV', table: 'organisations' },
  },
  {
    id: 'csv-relationships',
    label: 'Relationships (CSV)',
    detail: 'spreadsheet',
    request: { format: 'CSV', table: 'relationships' },
  },
  { id: 'graphml', label: 'GraphML', detail: 'Gephi, networkx, yEd', request: { format: 'GRAPHML' } },
  {
    id: 'graphml-initiatives',
    label: 'GraphML with initiatives',
    detail: 'two-mode: with their initiatives, for Gephi',
    request: { format: 'GRAPHML', initiatives: true },
  },
  { id: 'gexf', label: 'GEXF', detail: 'Gephi', request: { format: 'GEXF' } },
  {
    id: 'cytoscape',
    label: 'Cytoscape.js JSON',
    detail: 'Cytoscape, web apps',
    request: { format: 'CYTOSCAPE' },
  },
  { id: 'atlas', label: 'Atlas JSON', detail: 'imports back into an atlas', request: { format: 'ATLAS' } },
];

export function GraphToolbar({ graph, history, toasts, phone }: GraphToolbarProps) {
  const [busy, setBusy] = useState<string | null>(null);

  // Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes (outside text fields).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey && history.canUndo) {
        event.preventDefault();
        history.undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        if (!history.canRedo) return;
        event.preventDefault();
        history.redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [history]);

  async function download(item: Download) {
    const handle = graph.current;
    if (!handle) return;
    setBusy(item.id);
    try {
      if (!item.request) {
        saveFile(await handle.png(), 'partnership-atlas.png');
      } else {
        const ids = handle.drawnOrganisations();
        const file = await requestExport({ ...item.request, ids });
        saveFile(file.blob, file.filename);
      }
      toasts.show(`Downloaded: ${item.label}`);
    } catch (error) {
      toasts.show(`The download failed: ${describeError(error).message}`, 'error');
    } finally {
      setBusy(null);
    }
  }

  async function copyLink() {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      toasts.show('Link copied: it opens this picture, filters and selection.');
    } catch {
      window.prompt('Copy this link:', url);
    }
  }

  return (
    <div
      className="graph-toolbar"
      role="toolbar"
      aria-label="Graph"
      data-testid="graph-toolbar"
      data-over-graph="top"
    >
      <div className="tool-group">
        <ToolButton
          label="Undo"
          shortcut="Ctrl+Z"
          onClick={history.undo}
          disabled={!history.canUndo}
          testId="undo"
        >
          <path d="M7 5L3 9l4 4M3.5 9H12a5 5 0 010 10H9" />
        </ToolButton>
        <ToolButton
          label="Redo"
          shortcut="Ctrl+Shift+Z"
          onClick={history.redo}
          disabled={!history.canRedo}
          testId="redo"
        >
          <path d="M13 5l4 4-4 4M16.5 9H8a5 5 0 000 10h3" />
        </ToolButton>
      </div>
      {!phone && (
        <div className="tool-group">
          <ToolButton
            label="Zoom in"
            shortcut="+"
            onClick={() => graph.current?.zoomBy(1.25)}
            testId="zoom-in"
          >
            <path d="M10 4v12M4 10h12" />
          </ToolButton>
          <ToolButton
            label="Zoom out"
            shortcut="−"
            onClick={() => graph.current?.zoomBy(0.8)}
            testId="zoom-out"
          >
            <path d="M4 10h12" />
          </ToolButton>
        </div>
      )}
      <div className="tool-group">
        <ToolButton label="Fit to view" shortcut="0" onClick={() => graph.current?.fit()} testId="fit">
          <path d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4" />
        </ToolButton>
        <DownloadMenu busy={busy} onDownload={(item) => void download(item)} />
        <ToolButton label="Copy link to this view" onClick={() => void copyLink()} testId="copy-link">
          <path d="M8.5 11.5a3.5 3.5 0 005 0l3-3a3.5 3.5 0 00-5-5l-1 1M11.5 8.5a3.5 3.5 0 00-5 0l-3 3a3.5 3.5 0 005 5l1-1" />
        </ToolButton>
      </div>
    </div>
  );
}

function ToolButton({
  label,
  shortcut,
  onClick,
  disabled,
  testId,
  children,
  ...rest
}: {
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  testId: string;
  children: ReactNode;
  'aria-expanded'?: boolean;
  'aria-haspopup'?: 'menu';
}) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
      {...rest}
    >
      <svg
        viewBox="0 0 20 20"
        width="18"
        height="18"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {children}
      </svg>
    </button>
  );
}

function DownloadMenu({ busy, onDownload }: { busy: string | null; onDownload: (item: Download) => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current[0]?.focus();
    const onDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    const list = items.current.filter((b): b is HTMLButtonElement => b !== null);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      ref.current?.querySelector<HTMLButtonElement>('[data-testid="download"]')?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length;
      list[next]?.focus();
    }
  }

  return (
    <div className="download-menu" ref={ref} onKeyDown={onKeyDown}>
      <ToolButton
        label="Download what is shown"
        onClick={() => setOpen(!open)}
        testId="download"
        aria-expanded={open}
        aria-haspopup="menu"
      >
        <path d="M10 3v10M5.5 8.5L10 13l4.5-4.5M4 17h12" />
      </ToolButton>
      {open && (
        <div
          className="menu card"
          role="menu"
          aria-label="Download what is shown"
          data-testid="download-menu"
        >
          <p className="menu-title">Download what is shown</p>
          {DOWNLOADS.map((item, index) => (
            <button
              key={item.id}
              ref={(element) => {
                items.current[index] = element;
              }}
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid={`download-${item.id}`}
              disabled={busy !== null}
              onClick={() => {
                setOpen(false);
                onDownload(item);
              }}
            >
              <span>{busy === item.id ? 'Preparing…' : item.label}</span>
              <span className="menu-detail">{item.detail}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
