// Short messages at the bottom of the screen ("Link copied", "Downloaded …", or what went wrong), announced
// to screen readers, gone after a few seconds.
import { useCallback, useMemo, useRef, useState } from 'react';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export interface ToastApi {
  items: Toast[];
  show: (text: string, tone?: Toast['tone']) => void;
  dismiss: (id: number) => void;
}

const SHOW_MS = 4000;

export function useToasts(): ToastApi {
  const [items, setItems] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (text: string, tone: Toast['tone'] = 'info') => {
      const id = next.current++;
      setItems((list) => [...list.slice(-2), { id, text, tone }]);
      window.setTimeout(() => dismiss(id), tone === 'error' ? SHOW_MS * 2 : SHOW_MS);
    },
    [dismiss],
  );
  return useMemo(() => ({ items, show, dismiss }), [items, show, dismiss]);
}

export function Toasts({ toasts }: { toasts: ToastApi }) {
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.items.map((toast) => (
        <p key={toast.id} className={`toast card toast-${toast.tone}`} data-testid="toast">
          {toast.text}
          <button
            type="button"
            className="toast-close"
            aria-label="Dismiss"
            onClick={() => toasts.dismiss(toast.id)}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
