import { TextDecoder } from 'node:util';
import type { Diagnostic } from '../model/diagnostic.js';
import { ingestDiagnostic } from './ingest-diagnostic.js';

/** The text of a file, or the reason it is not a text file. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/** How many leading bytes are sniffed for binary content. */
const SNIFF_BYTES = 8192;
/** Above this share of control characters in the sniffed bytes, a file is binary. */
const MAX_CONTROL_RATIO = 0.1;

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');
const DECLARED_CHARSET = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)/i;

/**
 * Decodes a file's bytes as text, deciding first whether it is text at all.
 *
 * - no bytes, or only whitespace: `ingest/empty-file`;
 * - a UTF-16 byte-order mark: decoded as UTF-16 (`ingest/charset`, info);
 * - NUL bytes or more than 10% control characters in the first 8 KB: `ingest/binary-file`;
 * - valid UTF-8 (a BOM is dropped): the text;
 * - invalid UTF-8 with a declared legacy charset (`<meta charset>`, `<?xml encoding>`) that
 *   decodes: that charset (`ingest/charset`, info);
 * - otherwise invalid UTF-8 is **decoded with U+FFFD replacement characters** and processed, with
 *   an `ingest/invalid-utf8` warning: a few bad bytes in a long article should not lose it.
 */
export function decodeBytes(bytes: Uint8Array, source: string): DecodeResult {
  if (bytes.length === 0) return fail('ingest/empty-file', source, `${source}: empty file`);
  const diagnostics: Diagnostic[] = [];
  let text: string;
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== null) {
    text = new TextDecoder(utf16).decode(bytes);
    diagnostics.push(ingestDiagnostic('ingest/charset', source, `${source}: decoded as ${utf16} (byte-order mark)`));
  } else {
    if (isBinary(bytes)) return fail('ingest/binary-file', source, `${source}: binary content (NUL or control bytes), not a text file`);
    try {
      text = UTF8_FATAL.decode(bytes);
    } catch {
      const declared = declaredDecoder(bytes);
      if (declared !== null) {
        text = declared.decode(bytes);
        diagnostics.push(ingestDiagnostic('ingest/charset', source, `${source}: not UTF-8; decoded as the declared ${declared.encoding}`));
      } else {
        text = UTF8_LENIENT.decode(bytes);
        diagnostics.push(
          ingestDiagnostic('ingest/invalid-utf8', source, `${source}: invalid UTF-8; bad bytes were replaced with U+FFFD`),
        );
      }
    }
  }
  if (text.trim() === '') return fail('ingest/empty-file', source, `${source}: empty file (whitespace only)`);
  return { ok: true, text, diagnostics };
}

/** True when the first bytes hold a NUL byte or too many control characters. */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC occur in real text files.
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_RATIO;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function declaredDecoder(bytes: Uint8Array): TextDecoder | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  const m = DECLARED_CHARSET.exec(head);
  const label = m?.[1] ?? m?.[2];
  if (label === undefined) return null;
  try {
    const decoder = new TextDecoder(label);
    return decoder.encoding === 'utf-8' ? null : decoder;
  } catch {
    return null;
  }
}

function fail(code: 'ingest/empty-file' | 'ingest/binary-file', source: string, message: string): DecodeResult {
  return { ok: false, diagnostic: ingestDiagnostic(code, source, message) };
}
