// Reads the atlas JSON file into raw records with the line and column of every value (via jsonc-parser's tree).
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ENTITIES, FILE_SPECS, columnNames, type Entity } from './columns.ts';
import { didYouMean } from '../didYouMean.ts';
import { lineIndexOfText, type LineIndex } from './lineIndex.ts';
import type { AtlasProblem, ProblemSink } from './problemSink.ts';
import { emptyRawRecords, type RawField, type RawRecord, type RawRecords } from './rawRecord.ts';

const TOP_LEVEL_KEYS = ['format', 'version', ...ENTITIES];

const SYNTAX_HINTS: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a key in double quotes is expected (is there a comma too many?)',
  ValueExpected: 'a value is expected (is there a comma too many, or is the file empty?)',
  ColonExpected: 'a colon is expected after the key',
  CommaExpected: 'a comma is expected between items',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'the file should end after the top-level object',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed; add the closing double quote',
  InvalidEscapeCharacter: 'invalid escape in a string (write \\\\ for a backslash)',
  InvalidCharacter: 'invalid character in a string (write line breaks as \\n)',
};

/** Reads JSON positions and reports problems for one file. */
class JsonContext {
  readonly file: string;
  private readonly lines: LineIndex;
  private readonly sink: ProblemSink;

  constructor(file: string, text: string, sink: ProblemSink) {
    this.file = file;
    this.lines = lineIndexOfText(text);
    this.sink = sink;
  }

  at(node: Node): { line: number; column: number } {
    return this.lines.position(node.offset);
  }

  report(node: Node | number, field: string | null, code: AtlasProblem['code'], message: string): void {
    const position = this.lines.position(typeof node === 'number' ? node : node.offset);
    this.sink.add({ file: this.file, ...position, field, code, message });
  }

  field(node: Node): RawField {
    const field: RawField = { value: getNodeValue(node) as unknown, ...this.at(node) };
    if (node.type === 'array') field.items = (node.children ?? []).map((child) => this.field(child));
    return field;
  }
}

interface Property {
  name: string;
  key: Node;
  value: Node;
}

/** The properties of an object node, reporting repeated keys (DUPLICATE_COLUMN) and keeping the first. */
function properties(context: JsonContext, object: Node, where: string): Property[] {
  const seen = new Map<string, Node>();
  const result: Property[] = [];
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key === undefined || value === undefined || typeof key.value !== 'string') continue;
    const first = seen.get(key.value);
    if (first) {
      context.report(
        key,
        key.value,
        'DUPLICATE_COLUMN',
        `key "${key.value}" appears twice in ${where} (first on line ${context.at(first).line}); remove one`,
      );
      continue;
    }
    seen.set(key.value, key);
    result.push({ name: key.value, key, value });
  }
  return result;
}

function toRecord(context: JsonContext, entity: Entity, node: Node): RawRecord | null {
  const { noun } = FILE_SPECS[entity];
  if (node.type !== 'object') {
    context.report(node, null, 'BAD_TYPE', `each item of "${entity}" must be an object ({ … }), one ${noun}`);
    return null;
  }
  const known = columnNames(entity);
  const fields = new Map<string, RawField>();
  for (const { name, key, value } of properties(context, node, `this ${noun}`)) {
    if (known.includes(name)) fields.set(name, context.field(value));
    else {
      context.report(
        key,
        name,
        'UNKNOWN_COLUMN',
        `unknown key "${name}" in ${noun}${didYouMean(name, known)}; the keys are ${known.join(', ')}`,
      );
    }
  }
  const { line, column } = context.at(node);
  return { entity, file: context.file, line, column, fields, reportAbsentRequired: true, unreadable: false };
}

function checkHeader(context: JsonContext, root: Node, byName: Map<string, Property>): boolean {
  const format = byName.get('format');
  const version = byName.get('version');
  let ok = true;
  if (format === undefined || getNodeValue(format.value) !== 'atlas') {
    context.report(
      format?.value ?? root,
      'format',
      'BAD_FORMAT',
      'this is not an atlas file: "format" must be "atlas"',
    );
    ok = false;
  }
  if (version === undefined || getNodeValue(version.value) !== 1) {
    context.report(
      version?.value ?? root,
      'version',
      'BAD_VERSION',
      '"version" must be 1, the only version of the atlas format this importer reads',
    );
    ok = false;
  }
  return ok;
}

/** Raw records per entity, or null when the file is not readable JSON in the atlas format (already reported). */
export function jsonRecords(text: string, file: string, sink: ProblemSink): RawRecords | null {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const context = new JsonContext(file, source, sink);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
  // jsonc-parser recovers from an error and often reports a second one at the same place; the first says it best.
  const reported = new Set<number>();
  for (const error of errors) {
    if (reported.has(error.offset)) continue;
    reported.add(error.offset);
    const name = printParseErrorCode(error.error);
    context.report(error.offset, null, 'BAD_JSON', `invalid JSON: ${SYNTAX_HINTS[name] ?? name}`);
  }
  if (errors.length > 0) return null;
  if (root === undefined || root.type !== 'object') {
    context.report(
      root?.offset ?? 0,
      null,
      'BAD_JSON',
      'the file must hold one JSON object: { "format": "atlas", … }',
    );
    return null;
  }
  const byName = new Map(properties(context, root, 'the file').map((property) => [property.name, property]));
  if (!checkHeader(context, root, byName)) return null;
  if (!byName.has('organisations')) {
    context.report(
      root,
      'organisations',
      'REQUIRED',
      '"organisations" is missing; add it, even as an empty list []',
    );
  }
  const raws = emptyRawRecords();
  for (const { name, key, value } of byName.values()) {
    const entity = ENTITIES.find((candidate) => candidate === name);
    if (entity !== undefined) {
      if (value.type !== 'array') {
        context.report(
          value,
          name,
          'BAD_TYPE',
          `"${name}" must be a list ([ … ]) of ${FILE_SPECS[entity].noun}s`,
        );
        continue;
      }
      for (const item of value.children ?? []) {
        const record = toRecord(context, entity, item);
        if (record) raws[entity].push(record);
      }
    } else if (!TOP_LEVEL_KEYS.includes(name)) {
      context.report(
        key,
        name,
        'UNKNOWN_COLUMN',
        `unknown key "${name}"${didYouMean(name, TOP_LEVEL_KEYS)}; the file has the keys ${TOP_LEVEL_KEYS.join(', ')}`,
      );
    }
  }
  return raws;
}
