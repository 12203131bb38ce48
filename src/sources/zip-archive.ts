/**
 * Zip archives, read in place (nothing is unpacked to disk): `.zip` inputs hold files to import, and `.xlsx`
 * workbooks are zips of XML parts.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** An open archive: its entries by name as stored, each streamed (inflated) on demand. Close it when done. */
export interface ZipArchive {
  entries: ReadonlyMap<string, yauzl.Entry>;
  open(entry: yauzl.Entry): Promise<Readable>;
  close(): void;
}

/**
 * Opens the zip at `path` and reads its directory. The entries' sizes can be trusted: a stream fails when its entry
 * unpacks to more than the directory says (yauzl's `validateEntrySizes`).
 */
export function openZipArchive(path: string): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('the archive cannot be opened'));
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('error', (e: Error) => {
        zip.close();
        reject(e);
      });
      zip.on('end', () =>
        resolve({
          entries,
          open: (entry) => new Promise((res, rej) => zip.openReadStream(entry, (e, s) => (e || !s ? rej(e ?? new Error('no stream')) : res(s)))),
          close: () => zip.close(),
        }),
      );
      zip.readEntry();
    });
  });
}

/**
 * One entry of the zip at `path` as a stream, from the archive opened for it alone and closed with the stream: an
 * archive kept open holds a file descriptor for as long as the process runs (a server importing zips ran out).
 */
export async function openZipEntry(path: string, name: string): Promise<Readable> {
  const zip = await openZipArchive(path);
  try {
    const stream = await zip.open(zip.entries.get(name)!);
    stream.once('close', () => zip.close());
    return stream;
  } catch (e) {
    zip.close();
    throw e;
  }
}
