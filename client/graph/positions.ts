// The picture as text for the URL fragment: where each node is and what part of the graph the view shows,
// so a shared link, Back, undo and redo reopen the same picture instead of laying it out afresh.
//   v=<zoom×1000>,<centre x×10>,<centre y×10>&p=<key><x×10>,<y×10>.<key><x×10>,<y×10>…
// Numbers are base 36 (a leading '-' when negative); a key is 6 base-36 characters of a hash of the node
// id, so ids of any length cost 6 characters, and a node the picture does not know is simply laid out.
import type { Position } from './layouts.ts';

export interface Viewport {
  zoom: number;
  /** The model coordinates at the centre of the view: the same spot stays centred on any screen size. */
  centre: Position;
}

export interface Picture {
  /** By position key (see positionKey). */
  positions: ReadonlyMap<string, Position>;
  viewport: Viewport | null;
}

export const EMPTY_PICTURE: Picture = { positions: new Map(), viewport: null };

const KEY_LENGTH = 6;
const KEY_SPACE = 36 ** KEY_LENGTH;
/** Positions are kept to a tenth of a model pixel, zoom to a thousandth. */
const POSITION_SCALE = 10;
const ZOOM_SCALE = 1000;

/** FNV-1a of the id, as 6 base-36 characters. */
export function positionKey(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % KEY_SPACE).toString(36).padStart(KEY_LENGTH, '0');
}

export function positionOf(picture: Picture, id: string): Position | undefined {
  return picture.positions.get(positionKey(id));
}

const number = (value: number, scale: number) => Math.round(value * scale).toString(36);

export function encodePicture(
  nodes: readonly { id: string; position: Position }[],
  viewport: Viewport | null,
): string {
  const parts: string[] = [];
  if (viewport) {
    parts.push(
      `v=${number(viewport.zoom, ZOOM_SCALE)},${number(viewport.centre.x, POSITION_SCALE)},${number(viewport.centre.y, POSITION_SCALE)}`,
    );
  }
  // Two ids with the same key (rare) would land on one spot: neither is kept, both are laid out.
  const byKey = new Map<string, Position | null>();
  for (const { id, position } of nodes) {
    const key = positionKey(id);
    byKey.set(key, byKey.has(key) ? null : position);
  }
  const entries: string[] = [];
  for (const [key, position] of byKey) {
    if (position)
      entries.push(`${key}${number(position.x, POSITION_SCALE)},${number(position.y, POSITION_SCALE)}`);
  }
  if (entries.length > 0) parts.push(`p=${entries.join('.')}`);
  return parts.join('&');
}

const NUMBER = /^-?[0-9a-z]+$/;

function parseNumber(text: string | undefined, scale: number): number | null {
  if (text === undefined || !NUMBER.test(text)) return null;
  const value = Number.parseInt(text, 36);
  return Number.isFinite(value) ? value / scale : null;
}

/** Reads a fragment written by encodePicture (with or without the '#'); anything malformed is ignored. */
export function decodePicture(fragment: string): Picture {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  let viewport: Viewport | null = null;
  const positions = new Map<string, Position>();
  for (const part of text.split('&')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at);
    const value = part.slice(at + 1);
    if (name === 'v') {
      const [z, x, y] = value.split(',');
      const zoom = parseNumber(z, ZOOM_SCALE);
      const cx = parseNumber(x, POSITION_SCALE);
      const cy = parseNumber(y, POSITION_SCALE);
      if (zoom !== null && zoom > 0 && cx !== null && cy !== null)
        viewport = { zoom, centre: { x: cx, y: cy } };
    } else if (name === 'p') {
      for (const entry of value.split('.')) {
        const key = entry.slice(0, KEY_LENGTH);
        const [x, y] = entry.slice(KEY_LENGTH).split(',');
        const px = parseNumber(x, POSITION_SCALE);
        const py = parseNumber(y, POSITION_SCALE);
        if (key.length === KEY_LENGTH && px !== null && py !== null) positions.set(key, { x: px, y: py });
      }
    }
  }
  return { positions, viewport };
}

/** `picture`, with the positions only `fallback` knows added (and its viewport when `picture` has none). */
export function withFallback(picture: Picture, fallback: Picture): Picture {
  if (fallback.positions.size === 0 && (picture.viewport !== null || fallback.viewport === null))
    return picture;
  return {
    positions: new Map([...fallback.positions, ...picture.positions]),
    viewport: picture.viewport ?? fallback.viewport,
  };
}

/** The viewport (zoom and pan) that shows `viewport` in a view of `width` × `height` px. */
export function viewportToPan(
  viewport: Viewport,
  width: number,
  height: number,
): { zoom: number; pan: Position } {
  return {
    zoom: viewport.zoom,
    pan: {
      x: width / 2 - viewport.centre.x * viewport.zoom,
      y: height / 2 - viewport.centre.y * viewport.zoom,
    },
  };
}

export function panToViewport(zoom: number, pan: Position, width: number, height: number): Viewport {
  return { zoom, centre: { x: (width / 2 - pan.x) / zoom, y: (height / 2 - pan.y) / zoom } };
}
