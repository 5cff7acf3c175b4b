// Streams the items of one array in a JSON file (e.g. `grants` of a 360Giving file) without holding the file:
// stream-json's parser picks the array and assembles one item at a time.
import type { Readable } from 'node:stream';
import StreamJson from 'stream-json';
import Pick from 'stream-json/filters/Pick.js';
import StreamArray from 'stream-json/streamers/StreamArray.js';

/** Thrown for input that is not JSON; the message says where the parser stopped. */
export class BadJsonError extends Error {
  override readonly name = 'BadJsonError';
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
  const fail = (error: Error) => (items as unknown as Readable).destroy(new BadJsonError(error.message));
  input.on('error', fail);
  parser.on('error', fail);
  for (const stage of stages) stage.on('error', fail);
  input.pipe(parser);
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
