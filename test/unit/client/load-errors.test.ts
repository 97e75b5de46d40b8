// Unit tests: the loader refuses oversize articles before sending them and words the server's refusals plainly.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/api/client.ts';
import {
  articleBytes,
  checkArticleSize,
  loadErrorMessage,
  MAX_ARTICLE_BYTES,
} from '../../../client/panels/loader/loadErrors.ts';
import { urlProblem } from '../../../client/panels/loader/UrlLoadForm.tsx';

describe('checkArticleSize', () => {
  it('lets an article up to the limit through and refuses a larger one with its size', () => {
    expect(checkArticleSize('Huawei får ny chef')).toBeNull();
    expect(checkArticleSize('æ'.repeat(MAX_ARTICLE_BYTES / 2))).toBeNull();
    expect(articleBytes('æ')).toBe(2);
    const refused = checkArticleSize('x'.repeat(3 * 1024 * 1024));
    expect(refused).toMatch(/3\.0 MB; one article can be at most 2\.0 MB/);
  });
});

describe('loadErrorMessage', () => {
  it('words known refusals plainly and drops internal names', () => {
    expect(loadErrorMessage(new ApiError('BAD_USER_INPUT', 'x (NEWSGRAPH_MAX_ARTICLE_BYTES)', 'TEXT_TOO_LARGE'))).toBe(
      'The article is larger than 2.0 MB. Load one article at a time.',
    );
    const english = new ApiError(
      'BAD_USER_INPUT',
      'GraphQL input: this article reads as English; newsgraph extracts Danish news only — load the Danish version of the article',
    );
    expect(loadErrorMessage(english)).toBe(
      'This article reads as English; newsgraph extracts Danish news only — load the Danish version of the article',
    );
    expect(loadErrorMessage(new Error('limit is 5 (NEWSGRAPH_X_Y): do it'))).toBe('Limit is 5: do it');
  });
});

describe('URL loads', () => {
  it('words the fetch refusals plainly, with the code, and keeps the HTTP status', () => {
    expect(
      loadErrorMessage(new ApiError('URL_NOT_ALLOWED', 'http://10.0.0.1/: … NEWSGRAPH_ALLOW_PRIVATE_URLS')),
    ).toMatch(/^This address cannot be loaded: only public http\(s\) pages .* \(URL_NOT_ALLOWED\)$/);
    expect(
      loadErrorMessage(
        new ApiError('HTTP_ERROR', 'https://a.example/x: the site answered HTTP 404 (not found): check the address'),
      ),
    ).toBe(
      'The site answered HTTP 404: the page could not be fetched. Check the address, or paste the article text. (HTTP_ERROR)',
    );
  });

  it('checks the address in the browser first', () => {
    expect(urlProblem('https://nyheder.example/a')).toBeNull();
    expect(urlProblem('')).toMatch(/starting with https/);
    expect(urlProblem('file:///etc/passwd')).toMatch(/Only http and https/);
    expect(urlProblem('nyheder.example/a')).toMatch(/not a web address/);
  });
});
