// Files of an annotation import, as the codecs read them (src/main): zips are opened (folders kept, so a brat
// package keeps its layers), every file is decoded as strict UTF-8 with its BOM noted, and a file that is not
// text is refused by name and by the line of its first bad byte before anything is parsed.
import { unzipSync } from 'fflate';
import { WorkbenchError } from '@shared/api';
import type { InputFile } from '@shared/formats/annotations';
import { decodeUtf8Strict, firstBinaryByte, lineOfByte } from '@shared/text';

export interface IncomingBytes {
  name: string;
  bytes: Uint8Array;
}

/** Limits of what a zip may unpack to: an archive is never trusted to be small. */
const MAX_ENTRIES = 20_000;
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

function refuse(file: string, reason: string, line?: number): never {
  const where = line === undefined ? file : `${file}, line ${line}`;
  throw new WorkbenchError('import-rejected', `${where}: ${reason}. Nothing was imported.`, { file, line });
}

function unzip(file: IncomingBytes): IncomingBytes[] {
  let total = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes, {
      filter: (entry) => {
        if (entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/') || /(^|\/)\./.test(entry.name))
          return false;
        count += 1;
        total += entry.originalSize;
        if (count > MAX_ENTRIES) refuse(file.name, `the zip holds more than ${MAX_ENTRIES} files`);
        if (total > MAX_UNPACKED_BYTES) refuse(file.name, 'the zip unpacks to more than 256 MiB');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    return refuse(
      file.name,
      `it is not a readable zip archive (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
}

/** Opens zips and decodes every file; the first file that is not UTF-8 text refuses the whole import. */
export function decodeInputFiles(files: readonly IncomingBytes[]): InputFile[] {
  const flat = files.flatMap((file) => (/\.zip$/i.test(file.name) ? unzip(file) : [file]));
  if (flat.length === 0) refuse(files[0]?.name ?? 'the import', 'there are no files in it');
  return flat.map((file) => {
    const name = file.name.replace(/\\/g, '/').replace(/^\/+/, '');
    const binaryAt = firstBinaryByte(file.bytes);
    if (binaryAt >= 0) {
      const reason = `the file looks binary, not like text (a NUL or control byte at offset ${binaryAt})`;
      refuse(name, reason, lineOfByte(file.bytes, binaryAt));
    }
    const decoded = decodeUtf8Strict(file.bytes);
    if (!decoded.ok) refuse(name, decoded.message, decoded.line);
    return { name, text: decoded.text, hadBom: decoded.hadBom };
  });
}
