// `newsgraph tag --conll FILE`: tags one-token-per-line text with PER/ORG/LOC/MISC (BIO) and prints token<TAB>tag.

import { readFileSync, statSync } from 'node:fs';
import { ErrorCode, NewsgraphError } from '../../errors.ts';
import { loadTagger } from '../../nlp/tagger.ts';

const USAGE =
  'Usage: newsgraph tag --conll FILE   (one token per line, first column; blank line between sentences; FILE "-" reads standard input)';

/**
 * Reads a CoNLL-style file as text, refusing what cannot be one: a missing path, a directory, an empty
 * file, or bytes that are not UTF-8 text.
 */
export function readConllInput(path: string): string {
  let bytes: Buffer;
  try {
    if (path !== '-' && statSync(path).isDirectory()) {
      throw new NewsgraphError(ErrorCode.BAD_INPUT, `${path} is a directory: give a file with one token per line`);
    }
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    if (error instanceof NewsgraphError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new NewsgraphError(
        ErrorCode.NOT_FOUND,
        `${path} does not exist: give the path of a file with one token per line`,
      );
    throw new NewsgraphError(
      ErrorCode.BAD_INPUT,
      `Cannot read ${path} (${code ?? String(error)}): check the path and its permissions`,
    );
  }
  if (bytes.includes(0)) {
    throw new NewsgraphError(
      ErrorCode.BINARY_INPUT,
      `${path} looks like a binary file (it contains NUL bytes): give a UTF-8 text file with one token per line`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NewsgraphError(
      ErrorCode.BAD_ENCODING,
      `${path} is not valid UTF-8: convert it, e.g. \`iconv -f latin1 -t utf-8 ${path}\``,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '')
    throw new NewsgraphError(
      ErrorCode.EMPTY_TEXT,
      `${path} is empty: give one token per line, with a blank line between sentences`,
    );
  return text;
}

/** Tags CoNLL text and returns the output lines' text: `token<TAB>tag`, blank lines kept where the input had them. */
export function tagConll(text: string): string {
  const tagger = loadTagger();
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  let sentence: string[] = [];
  const flush = () => {
    if (sentence.length === 0) return;
    const tags = tagger.tag(sentence);
    for (let i = 0; i < sentence.length; i++) out.push(`${sentence[i]}\t${tags[i]}`);
    sentence = [];
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      out.push('');
    } else {
      sentence.push(line.split('\t')[0].trim());
    }
  }
  flush();
  return out.length ? `${out.join('\n')}\n` : '';
}

export async function run(args: string[]): Promise<number> {
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (a === '--conll') {
      file = args[++i];
      if (file === undefined) throw new NewsgraphError(ErrorCode.BAD_INPUT, `--conll needs a file. ${USAGE}`);
    } else if (a.startsWith('--conll=')) {
      file = a.slice('--conll='.length);
    } else {
      throw new NewsgraphError(ErrorCode.BAD_INPUT, `Unexpected argument "${a}". ${USAGE}`);
    }
  }
  if (file === undefined) throw new NewsgraphError(ErrorCode.BAD_INPUT, `No input given. ${USAGE}`);
  const output = tagConll(readConllInput(file));
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(output, (error) => (error ? reject(error) : resolve())),
  );
  return 0;
}
