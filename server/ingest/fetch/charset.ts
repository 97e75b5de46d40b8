// Decodes a fetched page's bytes: the charset from the Content-Type header, else from <meta charset>, else UTF-8.
import { ErrorCode, NewsgraphError } from '../../errors.ts';
import { decodeArticleBytes, decodeWindows1252 } from '../read.ts';

/** How far into the page a <meta charset> is looked for (the HTML standard's prescan reads 1024 bytes). */
const META_PRESCAN_BYTES = 1024;

/** The charset label of a Content-Type value ("text/html; charset=ISO-8859-1" -> "iso-8859-1"), if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  const m = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return m ? m[1].toLowerCase() : null;
}

/** The charset a page declares in its head: <meta charset="…"> or <meta http-equiv="Content-Type" content="…">. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes to code points one to one, so the ASCII markup reads the same whatever the real charset.
  const head = Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString('latin1');
  const direct = /<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct ? direct[1].toLowerCase() : null;
}

/**
 * Decodes the page with the declared charset. Labels follow the Encoding Standard, as browsers do: "iso-8859-1" and
 * "latin1" decode as windows-1252 (its superset), so æøå and the curly quotes of older Danish pages come out right.
 * Without a declaration: UTF-8, falling back to windows-1252 for bytes that are Latin-1 Danish text.
 */
export function decodePage(bytes: Uint8Array, contentType: string | null, source: string): string {
  const label = charsetFromContentType(contentType) ?? charsetFromMeta(bytes);
  if (label) {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = undefined; // an unknown label: decode as if none were given
    }
    if (decoder?.encoding === 'windows-1252') return decodeWindows1252(bytes);
    if (decoder) return decoder.decode(bytes);
  }
  try {
    return decodeArticleBytes(bytes, source).text;
  } catch (error) {
    throw new NewsgraphError(
      ErrorCode.NOT_AN_ARTICLE,
      `${source}: the page declares no charset and is neither UTF-8 nor Latin-1 text (${(error as Error).message})`,
      { url: source },
    );
  }
}
