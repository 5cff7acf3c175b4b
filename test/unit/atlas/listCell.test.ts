// The list-cell syntax shared by the atlas writer and reader: `;` between items, `\;` and `\\` inside one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatListCell, parseListCell } from '../../../server/domain/atlas/listCell.ts';

describe('list cells', () => {
  it('splits on ;, trims and drops empty items', () => {
    expect(parseListCell(' a ;; b;')).toEqual(['a', 'b']);
  });

  it('escapes ; and \\ inside an item, and reads them back', () => {
    const items = ['https://a.example/p;s=1', 'C:\\dir', 'ends\\', '\\;'];
    const cell = formatListCell(items);
    expect(cell).toBe('https://a.example/p\\;s=1;C:\\\\dir;ends\\\\;\\\\\\;');
    expect(parseListCell(cell)).toEqual(items);
  });

  it('keeps a \\ before any other character as written (cells written before the escape)', () => {
    expect(parseListCell(String.raw`C:\dir;a\b`)).toEqual([String.raw`C:\dir`, String.raw`a\b`]);
  });

  it('gives back any trimmed, non-empty items', () => {
    const item = fc
      .string({ unit: fc.constantFrom(';', '\\', 'a', ' ', 'é'), minLength: 1 })
      .map((value) => value.trim())
      .filter((value) => value !== '');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), (items) => {
        expect(parseListCell(formatListCell(items))).toEqual(items);
      }),
    );
  });
});
