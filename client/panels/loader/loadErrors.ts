// What the loader checks before uploading (size) and how it words the server's refusals for the person loading.
import { ApiError, errorMessage } from '../../api/client.ts';

/**
 * Largest article the loader sends: the server's default limit (NEWSGRAPH_MAX_ARTICLE_BYTES, 2 MiB). Checked in the
 * browser so a huge paste is refused at once instead of after uploading it.
 */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

export function articleBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why an article of `bytes` is not sent, in words a reader understands. */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${megabytes(bytes)}; one article can be at most ${megabytes(MAX_ARTICLE_BYTES)}. Paste or drop one article at a time.`;
}

/** Null when `text` may be sent; otherwise why not. */
export function checkArticleSize(text: string, name = 'This article'): string | null {
  const bytes = articleBytes(text);
  return bytes <= MAX_ARTICLE_BYTES ? null : tooLargeMessage(name, bytes);
}

const BY_REASON: Record<string, string> = {
  TEXT_TOO_LARGE: `The article is larger than ${megabytes(MAX_ARTICLE_BYTES)}. Load one article at a time.`,
  EMPTY_TEXT: 'No article text was left after removing the page furniture. Paste the article body itself.',
  BINARY_INPUT: 'This looks like a binary file (an image, a PDF…), not article text. Save the article as plain text.',
  BAD_ENCODING: 'The text is not in UTF-8. Save the file as UTF-8 and load it again.',
};

/** Why a URL could not be loaded, by the server's code; other codes show the server's own message. */
const BY_CODE: Record<string, string> = {
  URL_NOT_ALLOWED:
    'This address cannot be loaded: only public http(s) pages are fetched, not addresses on this machine or a private network.',
  ROBOTS_DISALLOWED: "The site's robots.txt does not allow robots to fetch this page. Paste the article text instead.",
  FETCH_TIMEOUT: 'The site did not answer in time. Try again later, or paste the article text.',
  FETCH_TOO_LARGE: `The page is larger than ${megabytes(MAX_ARTICLE_BYTES)}. Paste the article text instead.`,
  NOT_AN_ARTICLE:
    "This address is not an article's web page (a PDF, an image, a front page?). Give the article's own address.",
};

/** A load failure as the loader shows it: the server's reason in plain words, without internal names. */
export function loadErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.reason && BY_REASON[error.reason]) return BY_REASON[error.reason];
  if (error instanceof ApiError && error.code === 'HTTP_ERROR')
    return `${errorMessage(error).replace(/^\S+: /, '')} (${error.code})`.replace(/^./, (c) => c.toUpperCase());
  if (error instanceof ApiError && error.code && BY_CODE[error.code]) return `${BY_CODE[error.code]} (${error.code})`;
  return errorMessage(error)
    .replace(/^GraphQL input:\s*/, '')
    .replace(/\s*\(NEWSGRAPH_[A-Z_]+\)/g, '')
    .replace(/^./, (c) => c.toUpperCase());
}
