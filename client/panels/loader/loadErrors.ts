// What the loader checks before uploading (size) and how it words the server's refusals for the person loading.
import { ApiError, errorMessage } from '../../api/client.ts';
import { getLang, type MessageKey, t } from '../../i18n/index.ts';

/**
 * Largest article the loader sends: the server's default limit (NEWSGRAPH_MAX_ARTICLE_BYTES, 2 MiB). Checked in the
 * browser so a huge paste is refused at once instead of after uploading it.
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export function articleBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function megabytes(bytes: number): string {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `${getLang() === 'da' ? mb.replace('.', ',') : mb} MB`;
}

/** Why an article of `bytes` is not sent, in words a reader understands. */
export function tooLargeMessage(name: string, bytes: number): string {
  return t('loadErr.tooLarge', { name, size: megabytes(bytes), max: megabytes(MAX_ARTICLE_BYTES) });
}

/** Null when `text` may be sent; otherwise why not. */
export function checkArticleSize(text: string, name?: string): string | null {
  const bytes = articleBytes(text);
  return bytes <= MAX_ARTICLE_BYTES ? null : tooLargeMessage(name ?? t('loadErr.thisArticle'), bytes);
}

/** The server's precise reasons for refusing an article (BAD_USER_INPUT `reason`), worded by the dictionary. */
const BY_REASON: Readonly<Record<string, MessageKey>> = {
  TEXT_TOO_LARGE: 'loadErr.TEXT_TOO_LARGE',
  EMPTY_TEXT: 'loadErr.EMPTY_TEXT',
  BINARY_INPUT: 'loadErr.BINARY_INPUT',
  BAD_ENCODING: 'loadErr.BAD_ENCODING',
  NOT_DANISH: 'loadErr.NOT_DANISH',
};

/** Why a load failed, by the server's error code; shown with the code, which names the problem when asking for help. */
const BY_CODE: Readonly<Record<string, MessageKey>> = {
  URL_NOT_ALLOWED: 'loadErr.URL_NOT_ALLOWED',
  ROBOTS_DISALLOWED: 'loadErr.ROBOTS_DISALLOWED',
  FETCH_TIMEOUT: 'loadErr.FETCH_TIMEOUT',
  FETCH_TOO_LARGE: 'loadErr.FETCH_TOO_LARGE',
  FETCH_FAILED: 'loadErr.FETCH_FAILED',
  NOT_AN_ARTICLE: 'loadErr.NOT_AN_ARTICLE',
  DATABASE_UNAVAILABLE: 'loadErr.DATABASE_UNAVAILABLE',
  QUERY_TIMEOUT: 'loadErr.QUERY_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'loadErr.INTERNAL_SERVER_ERROR',
  UNAUTHORIZED: 'loadErr.UNAUTHORIZED',
};

/** Failures the client words itself (client.ts), already in the UI language. */
const CLIENT_CODES = new Set(['SERVER_UNREACHABLE', 'BAD_RESPONSE', 'ABORTED']);

/** The server's own message without its internal prefixes and setting names, capitalised. */
function cleanServerMessage(message: string): string {
  return message
    .replace(/^GraphQL input:\s*/, '')
    .replace(/\s*\(NEWSGRAPH_[A-Z_]+\)/g, '')
    .replace(/^./, (c) => c.toUpperCase());
}

/**
 * A load failure as the loader shows it: the server's reason in plain words in the UI language, without internal names
 * ("GraphQL input:", setting names). A refusal the dictionary does not know shows the server's (English) words in
 * English and a general Danish sentence with the code in Danish.
 */
export function loadErrorMessage(error: unknown): string {
  const max = megabytes(MAX_ARTICLE_BYTES);
  if (!(error instanceof ApiError))
    return t('loadErr.other', { detail: cleanServerMessage(errorMessage(error)), code: 'ERROR' });
  if (error.reason && BY_REASON[error.reason]) return t(BY_REASON[error.reason], { max });
  if (error.argument === 'input.publishedAt') return t('loadErr.BAD_DATE');
  if (CLIENT_CODES.has(error.code)) return error.message;
  if (error.code === 'HTTP_ERROR') {
    const status = error.status ?? Number(/HTTP (\d{3})/.exec(error.message)?.[1] ?? Number.NaN);
    if (Number.isFinite(status)) return `${t('loadErr.HTTP_ERROR', { status: String(status) })} (${error.code})`;
  }
  if (BY_CODE[error.code]) return `${t(BY_CODE[error.code], { max })} (${error.code})`;
  const detail = cleanServerMessage(error.message);
  return t(error.code === 'BAD_USER_INPUT' ? 'loadErr.BAD_USER_INPUT' : 'loadErr.other', { detail, code: error.code });
}
