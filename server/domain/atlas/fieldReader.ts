// Turns one raw record's fields into typed values, reporting every bad value at its position (CSV cell or JSON value).
import type { Identifier } from '../model.ts';
import type { AtlasProblemCode } from './codes.ts';
import { FILE_SPECS } from './columns.ts';
import { didYouMean } from '../didYouMean.ts';
import type { RecordLocation } from './locations.ts';
import type { ProblemSink } from './problemSink.ts';
import type { Position, RawField, RawRecord } from './rawRecord.ts';
import {
  isCalendarDate,
  isCurrencyCode,
  isDateTime,
  isHttpUrl,
  looksLikeDate,
  parseDecimal,
  parseIdentifier,
  unique,
} from '../values.ts';
import { parseListCell } from './listCell.ts';
import { cleanText, repairWebsite } from '../import/repairs.ts';

export interface ValueOptions {
  required?: boolean;
}

export interface ListOptions {
  /** Ids and URLs may hold a `;` (written `\;` in a CSV cell); in other lists it is two items run together. */
  semicolons?: boolean;
}

export interface RangeOptions {
  min?: number;
  max?: number;
}

/** A value of the wrong JSON type: already reported, so not reported again as missing. */
const WRONG_TYPE = Symbol('wrong type');

interface ListItem {
  text: string;
  at: Position;
}

export class FieldReader {
  readonly record: RawRecord;
  readonly sink: ProblemSink;

  constructor(record: RawRecord, sink: ProblemSink) {
    this.record = record;
    this.sink = sink;
  }

  /** What one record is called in messages ("organisation"). */
  get noun(): string {
    return FILE_SPECS[this.record.entity].noun;
  }

  /** Where a field is; the record's own position when the field is absent. */
  position(field: string | null): Position {
    const raw = field === null ? undefined : this.record.fields.get(field);
    return raw
      ? { line: raw.line, column: raw.column }
      : { line: this.record.line, column: this.record.column };
  }

  report(
    field: string | null,
    code: AtlasProblemCode,
    message: string,
    at: Position = this.position(field),
  ): void {
    this.sink.add({ file: this.record.file, line: at.line, column: at.column, field, code, message });
  }

  /** The trimmed text of a field without any check, for the id of a record that is rejected anyway. */
  peek(name: string): string | null {
    const value = this.record.fields.get(name)?.value;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  }

  location(): RecordLocation {
    const fields: RecordLocation['fields'] = {};
    for (const [name, raw] of this.record.fields) fields[name] = { line: raw.line, column: raw.column };
    return { file: this.record.file, line: this.record.line, column: this.record.column, fields };
  }

  /** Whether the record has the field at all (a CSV column in the header, a JSON key), empty or not. */
  has(name: string): boolean {
    return this.record.fields.has(name);
  }

  text(name: string, options: ValueOptions = {}): string | null {
    const value = this.scalar(name, false);
    if (value === null && options.required) this.missing(name, '');
    return typeof value === 'string' ? value : null;
  }

  /** An enumerated value; lower and mixed case are accepted and normalised to the listed upper-case form. */
  choice<T extends string>(name: string, allowed: readonly T[], options: ValueOptions = {}): T | null {
    const value = this.scalar(name, false);
    if (value === null && options.required) this.missing(name, `; use one of ${allowed.join(', ')}`);
    if (typeof value !== 'string') return null;
    const upper = value.toUpperCase();
    const match = allowed.find((option) => option === upper);
    if (match === undefined) {
      this.report(
        name,
        'UNKNOWN_VALUE',
        `unknown ${name} "${value}"; use one of ${allowed.join(', ')}${didYouMean(upper, allowed)}`,
      );
    }
    return match ?? null;
  }

  date(name: string): string | null {
    const value = this.text(name);
    if (value === null || isCalendarDate(value)) return value;
    const why = looksLikeDate(value) ? 'is not a real calendar date' : 'is not a date';
    this.report(name, 'BAD_DATE', `${name} "${value}" ${why}; write YYYY-MM-DD, e.g. 2024-03-31`);
    return null;
  }

  dateTime(name: string): string | null {
    const value = this.text(name);
    if (value === null || isDateTime(value)) return value;
    this.report(
      name,
      'BAD_DATETIME',
      `${name} "${value}" is not an ISO 8601 date-time with a time zone; write e.g. 2024-03-01T12:00:00Z`,
    );
    return null;
  }

  url(name: string): string | null {
    const value = this.text(name);
    if (value === null || isHttpUrl(value)) return value;
    const repair = this.sink.repair;
    if (repair) {
      const repaired = repairWebsite(value, name);
      if (repaired.repair)
        repair({ file: this.record.file, line: this.position(name).line, field: name, ...repaired.repair });
      return repaired.value;
    }
    this.report(
      name,
      'BAD_URL',
      `${name} "${value}" is not an absolute http(s) URL; write it in full, e.g. https://example.org/page`,
    );
    return null;
  }

  /** A list of absolute http(s) URLs (each checked, or repaired when reading tolerantly, as `url` does). */
  urls(name: string): string[] {
    const urls: string[] = [];
    for (const item of this.listItems(name, { semicolons: true })) {
      if (isHttpUrl(item.text)) {
        urls.push(item.text);
        continue;
      }
      const repair = this.sink.repair;
      if (repair) {
        const repaired = repairWebsite(item.text, name);
        if (repaired.repair)
          repair({ file: this.record.file, line: item.at.line, field: name, ...repaired.repair });
        if (repaired.value !== null) urls.push(repaired.value);
        continue;
      }
      this.report(
        name,
        'BAD_URL',
        `"${item.text}" in ${name} is not an absolute http(s) URL; write it in full, e.g. https://example.org`,
        item.at,
      );
    }
    return unique(urls);
  }

  number(name: string, range: RangeOptions = {}): number | null {
    const raw = this.scalar(name, true);
    if (raw === null || raw === WRONG_TYPE) return null;
    // JSON.parse turns 1e999 into Infinity, so JSON numbers need the finiteness check too.
    const value = typeof raw === 'number' ? (Number.isFinite(raw) ? raw + 0 : null) : parseDecimal(raw);
    if (value === null) {
      this.report(
        name,
        'BAD_NUMBER',
        `${name} "${String(raw)}" is not a number; write digits with a dot for decimals and no thousands separators, e.g. 1250.50`,
      );
      return null;
    }
    const { min = -Infinity, max = Infinity } = range;
    if (value < min || value > max) {
      const allowed = max === Infinity ? `${min} or more` : `between ${min} and ${max}`;
      this.report(name, 'BAD_NUMBER', `${name} ${value} is out of range; it must be ${allowed}`);
      return null;
    }
    return value;
  }

  /** An ISO 4217 code; lower case is accepted and normalised. */
  currency(name: string): string | null {
    const value = this.text(name);
    if (value === null) return null;
    const upper = value.toUpperCase();
    if (isCurrencyCode(upper)) return upper;
    this.report(
      name,
      'BAD_CURRENCY',
      `${name} "${value}" is not an ISO 4217 currency code; write three letters, e.g. GBP or EUR`,
    );
    return null;
  }

  /** A `;`-separated cell (listCell.ts) or a JSON array of strings: items trimmed, empty ones and repeats dropped. */
  list(name: string, options: ListOptions = {}): string[] {
    return unique(this.listItems(name, options).map((item) => item.text));
  }

  identifiers(name: string): Identifier[] {
    const identifiers: Identifier[] = [];
    for (const item of this.listItems(name)) {
      const identifier = parseIdentifier(item.text);
      if (identifier) identifiers.push(identifier);
      else {
        this.report(
          name,
          'BAD_IDENTIFIER',
          `"${item.text}" is not an identifier; write scheme:value, e.g. GB-CHC:1234567`,
          item.at,
        );
      }
    }
    return unique(identifiers, (identifier) => `${identifier.scheme}\u0000${identifier.value}`);
  }

  /** REQUIRED for an empty value, or for an absent JSON key; an absent CSV column was reported on the header. */
  private missing(name: string, hint: string): void {
    if (this.record.fields.has(name)) {
      this.report(name, 'REQUIRED', `${name} is empty; every ${this.noun} needs one${hint}`);
    } else if (this.record.reportAbsentRequired) {
      this.report(name, 'REQUIRED', `"${name}" is missing; every ${this.noun} needs one${hint}`);
    }
  }

  /** Trimmed text (null when empty or absent), a JSON number when numbers are accepted, or WRONG_TYPE. */
  private scalar(name: string, acceptNumber: boolean): string | number | null | typeof WRONG_TYPE {
    const raw = this.record.fields.get(name);
    if (raw === undefined || raw.value === null || raw.value === undefined) return null;
    if (typeof raw.value === 'string' && this.sink.repair) return cleanText(raw.value);
    if (typeof raw.value === 'string') return raw.value.trim() === '' ? null : raw.value.trim();
    if (acceptNumber && typeof raw.value === 'number') return raw.value;
    this.report(name, 'BAD_TYPE', `${name} must be ${acceptNumber ? 'a number' : 'text (a JSON string)'}`);
    return WRONG_TYPE;
  }

  private listItems(name: string, options: ListOptions = {}): ListItem[] {
    const raw = this.record.fields.get(name);
    if (raw === undefined || raw.value === null || raw.value === undefined) return [];
    const at = { line: raw.line, column: raw.column };
    if (typeof raw.value === 'string') return parseListCell(raw.value).map((text) => ({ text, at }));
    if (!Array.isArray(raw.value) || raw.items === undefined) {
      this.report(name, 'BAD_TYPE', `${name} must be a list (a JSON array of strings)`);
      return [];
    }
    return raw.items.flatMap((item) => this.arrayItem(name, item, options));
  }

  private arrayItem(name: string, item: RawField, options: ListOptions): ListItem[] {
    const at = { line: item.line, column: item.column };
    if (typeof item.value !== 'string') {
      this.report(name, 'BAD_TYPE', `each item of ${name} must be text (a JSON string)`, at);
      return [];
    }
    const text = item.value.trim();
    if (text === '') return [];
    // Outside ids and URLs, "a;b" in a JSON array is two items written as one (a CSV cell would split it).
    if (!options.semicolons && text.includes(';')) {
      this.report(name, 'BAD_LIST_ITEM', `"${text}" contains ";", which separates list items; remove it`, at);
      return [];
    }
    return [{ text, at }];
  }
}
