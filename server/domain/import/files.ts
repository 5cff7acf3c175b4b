// Reading import files: size limit, checksum, transparent gunzip, and a byte count for progress. Files are
// streamed, never read into one string.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Problem } from '../../common/problems.ts';

export function fileProblem(
  file: string,
  code: string,
  message: string,
  field: string | null = null,
): Problem {
  return { file, line: null, column: null, field, code, message };
}

const MIB = 1024 * 1024;

/** Problems with the paths themselves: missing, not a file, over the size limit. */
export async function checkFiles(paths: readonly string[], maxBytes: number): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const file of paths) {
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat === null)
      problems.push(fileProblem(file, 'NOT_FOUND', 'no such file or folder; check the path'));
    else if (stat.isFile() && stat.size > maxBytes) {
      problems.push(
        fileProblem(
          file,
          'FILE_TOO_LARGE',
          `the file has ${(stat.size / MIB).toFixed(1)} MiB, over the limit of ${(maxBytes / MIB).toFixed(1)} MiB ` +
            '(IMPORT_MAX_FILE_MB); raise the limit or split the file',
        ),
      );
    }
  }
  return problems;
}

/** SHA-256 over the files' bytes, in the order given (folders: their files by name). */
export async function checksumOf(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await expandFiles(paths)) {
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Files of the given paths: a folder stands for the files directly in it, sorted by name. */
export async function expandFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const stat = await fs.promises.stat(p);
    if (stat.isDirectory()) {
      const names = (await fs.promises.readdir(p)).sort();
      for (const name of names) {
        const full = `${p.replace(/\/+$/, '')}/${name}`;
        if ((await fs.promises.stat(full)).isFile()) files.push(full);
      }
    } else files.push(p);
  }
  return files;
}

/** A readable of the file's text bytes (gunzipped when it ends in .gz), reporting bytes read from disk. */
export function openText(file: string, onBytes: (n: number) => void = () => {}): Readable {
  const raw = fs.createReadStream(file);
  raw.on('data', (chunk: Buffer | string) => onBytes(chunk.length));
  if (!file.toLowerCase().endsWith('.gz')) return raw;
  const gunzip = zlib.createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/** Reads lines one by one (JSON Lines), with their 1-based numbers. */
export async function* lines(stream: Readable): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let n = 0;
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    rest += chunk;
    let at = rest.indexOf('\n');
    while (at >= 0) {
      n += 1;
      yield { line: n, text: rest.slice(0, at).replace(/\r$/, '') };
      rest = rest.slice(at + 1);
      at = rest.indexOf('\n');
    }
  }
  if (rest !== '') yield { line: n + 1, text: rest };
}
