// The one syntax of a list in a text cell, for the writer and the reader: items separated by `;`, and inside
// an item a literal `;` written `\;` and a literal `\` written `\\`, so every item comes back as it was.
// A `\` before any other character stays as written, so cells written before the escape read as they did.

const SEPARATOR = ';';
const ESCAPE = '\\';

/** The items joined into one cell, each `\` and `;` escaped. */
export function formatListCell(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, (c) => ESCAPE + c)).join(SEPARATOR);
}

/** A cell split into its items: escapes read back, items trimmed, empty items dropped. */
export function parseListCell(text: string): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (c === ESCAPE && (next === ESCAPE || next === SEPARATOR)) {
      item += next;
      i++;
    } else if (c === SEPARATOR) {
      items.push(item);
      item = '';
    } else {
      item += c;
    }
  }
  items.push(item);
  return items.map((each) => each.trim()).filter((each) => each !== '');
}
