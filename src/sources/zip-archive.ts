/**
 * Zip archives, read in place (nothing is unpacked to disk): `.zip` inputs hold files to import, and `.xlsx`
 * workbooks are zips of XML parts.
 */
import { fstatSync, read } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** An open archive: its entries by name as stored, each streamed (inflated) on demand. Close it when done. */
export interface ZipArchive {
  entries: ReadonlyMap<string, yauzl.Entry>;
  open(entry: yauzl.Entry): Promise<Readable>;
  close(): void;
}

/**
 * Opens the zip at `file` (a path, or the descriptor of a file already open, which closing the archive leaves open)
 * and reads its directory. The entries' sizes can be trusted: a stream fails when its entry unpacks to more than the
 * directory says (yauzl's `validateEntrySizes`).
 */
export function openZipArchive(file: string | number): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    const opened = (err: Error | null, zip?: yauzl.ZipFile) => {
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
    };
    const options = { lazyEntries: true, autoClose: false };
    if (typeof file === 'number') yauzl.fromRandomAccessReader(new OpenFileReader(file), fstatSync(file).size, options, opened);
    else yauzl.open(file, options, opened);
  });
}

/**
 * Reads a file already open by ranges, and leaves it open when the archive closes (yauzl's `fromFd` closes the
 * descriptor then, and so does destroying a Node file stream made on it): its owner may open the archive again, and
 * closes the file itself.
 */
class OpenFileReader extends yauzl.RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const fd = this.fd;
    let position = start;
    return new Readable({
      highWaterMark: 64 * 1024,
      read(size) {
        const length = Math.min(size, end - position);
        if (length <= 0) return void this.push(null);
        const buffer = Buffer.allocUnsafe(length);
        read(fd, buffer, 0, length, position, (err, bytes) => {
          if (err || !bytes) return void this.destroy(err ?? new Error('the file ends before the archive says'));
          position += bytes;
          this.push(buffer.subarray(0, bytes));
        });
      },
    });
  }
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
