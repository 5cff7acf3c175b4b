// Streams the items of one array in a JSON file (e.g. `grants` of a 360Giving file) without holding the file:
// stream-json's parser picks the array and assembles one item at a time.
import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import StreamJson from 'stream-json';
import Pick from 'stream-json/filters/Pick.js';
import StreamArray from 'stream-json/streamers/StreamArray.js';

/**
 * Thrown for input that is not JSON. `line` and `column` (1-based) are where the parser stopped, to within
 * SLICE characters before it (the end of the file, for one cut short); null when the input itself failed.
 */
export class BadJsonError extends Error {
  override readonly name = 'BadJsonError';

  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(message);
  }
}

/** The parser is fed at most this many characters at a time, so a failure is placed to within them. */
const SLICE = 1024;

/** Feeds text on in slices of at most SLICE characters, keeping the line and column of the end of the last one. */
class Positions extends Transform {
  line = 1;
  column = 1;

  constructor() {
    super({ decodeStrings: false, encoding: 'utf8' });
  }

  private readonly decoder = new StringDecoder('utf8');

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.feed(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    done();
  }

  override _flush(done: () => void): void {
    this.feed(this.decoder.end());
    done();
  }

  private feed(text: string): void {
    for (let at = 0; at < text.length; at += SLICE) {
      const slice = text.slice(at, at + SLICE);
      this.push(slice);
      const lastBreak = slice.lastIndexOf('\n');
      if (lastBreak < 0) this.column += slice.length;
      else {
        for (let k = 0; k < slice.length; k++) if (slice.charCodeAt(k) === 10) this.line += 1;
        this.column = slice.length - lastBreak;
      }
    }
  }
}

/**
 * The items of the array at `key` of the top-level object (or of a top-level array when `key` is null),
 * with their index. Keys beside it are ignored.
 */
export async function* jsonArrayItems(
  input: Readable,
  key: string | null,
): AsyncGenerator<{ index: number; value: unknown }> {
  const parser = StreamJson.parser();
  const stages: NodeJS.ReadWriteStream[] = key === null ? [] : [Pick.pick({ filter: key })];
  let items: NodeJS.ReadWriteStream = parser;
  for (const stage of [...stages, StreamArray.streamArray()]) items = items.pipe(stage);
  const positions = new Positions();
  const fail = (error: Error) =>
    (items as unknown as Readable).destroy(new BadJsonError(error.message, positions.line, positions.column));
  input.on('error', (error: Error) =>
    (items as unknown as Readable).destroy(new BadJsonError(error.message)),
  );
  positions.on('error', fail);
  parser.on('error', fail);
  for (const stage of stages) stage.on('error', fail);
  input.pipe(positions).pipe(parser);
  try {
    for await (const item of items as AsyncIterable<{ key: number; value: unknown }>) {
      yield { index: item.key, value: item.value };
    }
  } catch (error) {
    if (error instanceof BadJsonError) throw error;
    throw new BadJsonError(error instanceof Error ? error.message : String(error));
  } finally {
    input.destroy();
  }
}
