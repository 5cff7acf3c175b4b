// Maps offsets to 1-based line and column; a line break is \n, \r\n or a lone \r, as csv-parse and JSON count them.

export interface LinePosition {
  line: number;
  column: number;
}

export class LineIndex {
  /** Offset at which each line starts; starts[0] is line 1. */
  private readonly starts: number[] = [0];

  constructor(length: number, codeAt: (offset: number) => number) {
    for (let i = 0; i < length; i += 1) {
      const code = codeAt(i);
      if (code === 0x0a) {
        this.starts.push(i + 1);
      } else if (code === 0x0d) {
        if (i + 1 < length && codeAt(i + 1) === 0x0a) i += 1;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): LinePosition {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

/** Columns count UTF-16 code units, as editors' JSON positions do. */
export function lineIndexOfText(text: string): LineIndex {
  return new LineIndex(text.length, (offset) => text.charCodeAt(offset));
}

/** For UTF-8 bytes: \r and \n never occur inside a multi-byte character, so byte offsets give the right line. */
export function lineIndexOfBytes(bytes: Uint8Array): LineIndex {
  return new LineIndex(bytes.length, (offset) => bytes[offset] ?? 0);
}

/** Line breaks inside a text (a multi-line quoted CSV field), counted like LineIndex counts them. */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) count += 1;
    else if (code === 0x0d) {
      count += 1;
      if (text.charCodeAt(i + 1) === 0x0a) i += 1;
    }
  }
  return count;
}
