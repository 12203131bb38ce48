/**
 * Files as users have them: plain, `.gz` or `.zip` (streamed, never unpacked to disk — but for a workbook in a zip,
 * which needs random access), UTF-8 with or without a BOM, UTF-16 with a BOM, or latin-1/cp1252 — detected and
 * decoded, so names never come out as mojibake.
 */
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createGunzip, type Gunzip } from 'node:zlib';
import { basename, join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextInput } from './source-format.ts';
import { SourceError, tooMuchText } from './source-format.ts';
import { compoundFileProblem, isCompoundFile, openXlsxInput, type SheetOptions } from './xlsx-input.ts';
import { openZipArchive, openZipEntry, type ZipArchive } from './zip-archive.ts';

const headBytes = 64 * 1024;
const sniffBytes = 1024 * 1024;
/** A zip archive's first bytes (a local file header). */
const zipStart = Buffer.from('PK\x03\x04', 'latin1');

export interface OpenOptions {
  /** The text's encoding, when detection is not enough. */
  encoding?: string;
  /** The most text the caller will read (a workbook whose strings alone are more is refused at once). */
  maxTextLength?: number;
  /** A workbook's sheet: its name, or its number from 1. Default: the first. Refused for a file that holds no workbook. */
  sheet?: string;
  /** The sheet a mapping names: read in workbooks, ignored by other files (a mapping serves a workbook and its CSV alike). */
  mappingSheet?: string;
}

/** Whether `path` names an Excel workbook (`.xlsx`), read by sheet rather than as text. */
const isWorkbook = (path: string) => /\.xlsx$/i.test(path);

/**
 * Opens `path` as one or more decoded text inputs (one per member of a zip). Close each when done: a workbook in a zip
 * holds a temporary file open for as long as it is read.
 */
export async function openTextInputs(path: string, { encoding, maxTextLength, sheet, mappingSheet }: OpenOptions = {}): Promise<TextInput[]> {
  const name = basename(path);
  const workbookOptions = { maxTextLength, sheet: sheet ?? mappingSheet };
  // Workbooks are zip archives of XML, not text: a sheet's rows are streamed out of them (xlsx-input.ts).
  if (isWorkbook(path)) return [await openXlsxInput(path, workbookOptions)];
  const zip = /\.zip$/i.test(path) ? await zipMembers(path) : undefined;
  if (sheet !== undefined && !zip?.members.some((m) => isWorkbook(m.name))) {
    throw new SourceError(`a sheet ("${sheet}") was named, but this is not an .xlsx workbook${zip ? ', nor a zip holding one' : ''}; leave out the sheet`, name);
  }
  if (!zip) return [await textInput(name, /\.gz$/i.test(path) ? gzipBytes(path) : fileBytes(path), encoding)];
  if (!zip.members.length) {
    throw new SourceError(zip.documentation.length ? `the zip archive holds only documentation (${zip.documentation.join(', ')}), no data file` : 'the zip archive holds no files', name);
  }
  const inputs: TextInput[] = [];
  try {
    for (const m of zip.members) {
      const fileName = `${name}:${m.name}`;
      inputs.push(await (isWorkbook(m.name) ? unpackedWorkbook(path, m, { ...workbookOptions, fileName }) : textInput(fileName, m, encoding)));
    }
  } catch (e) {
    for (const input of inputs) input.close?.();
    throw e;
  }
  return inputs;
}

/**
 * A workbook inside a zip, unpacked into a temporary file (a workbook's parts are read by random access, which a
 * member streamed out of the archive does not give). The file is deleted as soon as it is open: the input reads it
 * through its descriptor, and the disk space returns when `close` closes it — or when the process ends, even killed.
 */
async function unpackedWorkbook(zipPath: string, member: ZipMember, options: SheetOptions & { fileName: string }): Promise<TextInput> {
  if (member.size > (options.maxTextLength ?? Infinity)) throw tooMuchText(options.fileName, options.maxTextLength!);
  let dir: string | undefined;
  let fd: number;
  try {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-workbook-'));
    const file = join(dir, 'workbook.xlsx');
    await pipelineAsync(await openZipEntry(zipPath, member.name), createWriteStream(file));
    fd = openSync(file, 'r');
  } catch (e) {
    throw new SourceError(`cannot unpack the workbook into ${tmpdir()} (${(e as Error).message}); unpack the archive and import the .xlsx file itself`, options.fileName);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  try {
    return { ...(await openXlsxInput(fd, options)), close: () => closeSync(fd) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/**
 * A file's bytes, streamed anew on each `open`, and how far a reader who has taken `consumed` bytes of the last
 * stream opened is through the file (0–1), for the progress bar's share and time left.
 */
interface Bytes {
  open(): Readable | Promise<Readable>;
  fraction(consumed: number): number | undefined;
}

function fileBytes(path: string): Bytes {
  const size = statSync(path).size;
  return { open: () => createReadStream(path), fraction: (consumed) => (size ? consumed / size : undefined) };
}

/** A gzip file: its unpacked size is not known beforehand, so the share read is that of the packed bytes gunzip has taken. */
function gzipBytes(path: string): Bytes {
  const size = statSync(path).size;
  let gunzip: Gunzip | undefined;
  return {
    // Joined by `pipeline`, not `pipe`: a reader that stops early (the head is read so) destroys the gunzip stream,
    // and with it the file's stream, which `pipe` left open — a file descriptor for the life of the process.
    open: () => pipeline(createReadStream(path), (gunzip = createGunzip()), () => undefined),
    fraction: () => (gunzip && size ? gunzip.bytesWritten / size : undefined),
  };
}

async function readPrefix(stream: Readable, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    parts.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(parts).subarray(0, bytes);
}

/** The encoding of a file from its first bytes: a BOM if any, UTF-8 if it decodes as UTF-8, cp1252 otherwise. */
export function detectEncoding(prefix: Buffer, complete: boolean): string {
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) return 'utf-8';
  if (prefix[0] === 0xff && prefix[1] === 0xfe) return 'utf-16le';
  if (prefix[0] === 0xfe && prefix[1] === 0xff) return 'utf-16be';
  // A multi-byte character may be cut at the end of the sample: ignore an incomplete tail.
  let end = prefix.length;
  if (!complete) for (let i = 1; i <= 3 && end - i >= 0; i++) if ((prefix[end - i]! & 0xc0) === 0xc0) { end -= i; break; }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix.subarray(0, end));
    return 'utf-8';
  } catch {
    // Latin-1 files from Windows use cp1252's curly quotes at 0x91–0x94; cp1252 is the superset that decodes both.
    return 'windows-1252';
  }
}

async function textInput(fileName: string, bytes: Bytes, forced?: string): Promise<TextInput> {
  let prefix: Buffer;
  try {
    prefix = await readPrefix(await bytes.open(), sniffBytes);
  } catch (e) {
    throw new SourceError(`cannot read the file (${(e as Error).message}); check that it is a complete, uncorrupted file`, fileName);
  }
  if (forced && !iconv.encodingExists(forced)) throw new SourceError(`unknown encoding "${forced}"; use utf-8, windows-1252 or latin1`, fileName);
  const encoding = forced ?? detectEncoding(prefix, prefix.length < sniffBytes);
  if (prefix.subarray(0, 8192).includes(0) && !encoding.startsWith('utf-16')) {
    // Two binary files users do pick up by mistake: a workbook saved as .xls, and a zip (or workbook) renamed.
    if (isCompoundFile(prefix)) throw new SourceError(compoundFileProblem, fileName);
    if (prefix.subarray(0, 4).equals(zipStart)) {
      throw new SourceError(
        /\.gz$/i.test(fileName)
          ? 'a zip archive or .xlsx workbook packed again with gzip; gunzip it and import the file it holds'
          : 'a zip archive (an .xlsx workbook is one too) under another name; name it .xlsx if it is a workbook, .zip otherwise',
        fileName,
      );
    }
    throw new SourceError('this is a binary file, not text; export the data as CSV, TSV, JSON or NDJSON', fileName);
  }
  const decode = (buf: Buffer) => stripBom(iconv.decode(buf, encoding, { stripBOM: true }));
  const head = decode(prefix.subarray(0, headBytes));
  // Classic Mac exports (Excel's "CSV (Macintosh)") end lines with a lone CR: they are read as if it were LF.
  const lines = /\r(?!\n)/.test(head) && !head.includes('\n') ? (text: string) => text.replaceAll('\r', '\n') : (text: string) => text;
  // A sample of nothing but ASCII reads the same in UTF-8 and cp1252: the first bytes beyond it decide.
  const undecided = !forced && encoding === 'utf-8' && isAscii(prefix);
  // Bytes of the file taken by the text read so far.
  let consumed = 0;
  const input: TextInput = {
    fileName,
    encoding,
    head: lines(head),
    async *chunks() {
      for await (const text of decoded()) yield lines(text);
    },
    fraction: () => bytes.fraction(consumed),
  };
  return input;

  async function* decoded(): AsyncIterable<string> {
    const stream = counted(await bytes.open());
    if (encoding === 'utf-8') {
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
      let ascii = undecided;
      let latin: ReturnType<typeof iconv.getDecoder> | undefined;
      let offset = 0;
      for await (const chunk of stream) {
        // Every byte before this chunk was ASCII, so it starts on a character and nothing decoded so far changes.
        if (ascii && !isAscii(chunk as Buffer)) {
          ascii = false;
          if (detectEncoding(chunk as Buffer, false) !== 'utf-8') {
            latin = iconv.getDecoder('windows-1252');
            input.encoding = 'windows-1252';
          }
        }
        if (latin) {
          yield latin.write(chunk as Buffer);
          continue;
        }
        try {
          yield decoder.decode(chunk as Buffer, { stream: true });
        } catch {
          throw new SourceError(`invalid UTF-8 after byte ${offset}; the file mixes encodings — pass --encoding windows-1252 if it is latin-1`, fileName);
        }
        offset += (chunk as Buffer).length;
      }
      const tail = latin ? latin.end() : decoder.decode();
      if (tail) yield tail;
    } else {
      const decoder = iconv.getDecoder(encoding, { stripBOM: true });
      for await (const chunk of stream) {
        const text = decoder.write(chunk as Buffer);
        if (text) yield text;
      }
      const tail = decoder.end();
      if (tail) yield tail;
    }
  }

  async function* counted(stream: Readable): AsyncIterable<Buffer> {
    consumed = 0;
    for await (const chunk of stream) {
      consumed += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

interface ZipMember extends Bytes {
  name: string;
  /** Its unpacked size in bytes. */
  size: number;
}

/**
 * Members that document the data rather than hold it, as datasets' downloads bundle them (a README, a codebook in
 * PDF, a licence): they are left out of the import, which would otherwise fail on them.
 */
const documentation = /(^|\/)(readme|licen[cs]e|copying)[^/]*$|\.(pdf|docx?|odt|rtf|html?|md)$/i;

/**
 * The data files in the zip at `path` (not folders, nor macOS's metadata), each opening the archive for its own
 * stream, and the names of the documentation left out.
 */
async function zipMembers(path: string): Promise<{ members: ZipMember[]; documentation: string[] }> {
  let zip: ZipArchive;
  try {
    zip = await openZipArchive(path);
  } catch (e) {
    throw new SourceError(`not a readable zip archive (${(e as Error).message})`, basename(path));
  }
  zip.close();
  const files = [...zip.entries.values()].filter((entry) => !entry.fileName.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(entry.fileName));
  return {
    members: files
      .filter((entry) => !documentation.test(entry.fileName))
      .map((entry) => ({
        name: entry.fileName,
        size: entry.uncompressedSize,
        open: () => openZipEntry(path, entry.fileName),
        fraction: (consumed) => (entry.uncompressedSize ? consumed / entry.uncompressedSize : undefined),
      })),
    documentation: files.filter((entry) => documentation.test(entry.fileName)).map((entry) => entry.fileName),
  };
}
