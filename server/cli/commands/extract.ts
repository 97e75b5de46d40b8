// `newsgraph extract FILE...`: prints the extracted graph of each file as one JSON line (names, not ids); no database.
import { readFile } from 'node:fs/promises';
import { readConfig } from '../../config.ts';
import { isNewsgraphError } from '../../errors.ts';
import { extractArticle } from '../../ingest/extract.ts';
import { readArticle } from '../../ingest/read.ts';
import type { ArticleGraph } from '../../model.ts';
import { taggerProblem } from '../../nlp/ner-adapter.ts';

/** The stable JSON shape of `extract` (DESIGN "Interfaces that stay stable"). */
export interface ExtractLine {
  readonly title: string;
  readonly entities: { name: string; type: string; aliases: readonly string[]; mentions: number }[];
  readonly relations: {
    from: string;
    type: string;
    to: string;
    evidence: string;
    props: Record<string, string | number | null>;
  }[];
  readonly events: {
    kind: string;
    summary: string;
    date: string | null;
    participants: { name: string; role: string }[];
    evidence: string;
  }[];
}

/** Turns ids into names; CITES keeps "ARTICLE" as its source. */
export function toExtractLine(graph: ArticleGraph): ExtractLine {
  const names = new Map(graph.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => (id === 'ARTICLE' ? 'ARTICLE' : (names.get(id) ?? id));
  return {
    title: graph.article.title,
    entities: graph.entities.map((e) => ({ name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions })),
    relations: graph.relations.map((r) => ({
      from: nameOf(r.fromId),
      type: r.type,
      to: nameOf(r.toId),
      evidence: r.evidence,
      props: { ...r.props },
    })),
    events: graph.events.map((v) => ({
      kind: v.kind,
      summary: v.summary,
      date: v.date,
      participants: v.participants.map((p) => ({ name: nameOf(p.entityId), role: p.role })),
      evidence: v.evidence,
    })),
  };
}

export async function run(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length === 0 || args.includes('--help') || args.includes('-h')) {
    process.stderr.write(
      'Usage: newsgraph extract FILE...\nPrints one JSON object per file per line: {"title","entities","relations","events"}.\n',
    );
    return files.length === 0 && !args.includes('--help') && !args.includes('-h') ? 1 : 0;
  }
  const { maxArticleBytes } = readConfig();
  const problem = taggerProblem();
  if (problem)
    process.stderr.write(
      `newsgraph extract: NER model not used (${problem}); extracting with gazetteers and rules only\n`,
    );
  let failures = 0;
  for (const file of files) {
    try {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new Error(
          code === 'ENOENT'
            ? 'file not found'
            : code === 'EISDIR'
              ? 'is a directory: give article files'
              : String((error as Error).message),
        );
      }
      const raw = readArticle(bytes, { maxBytes: maxArticleBytes, source: file });
      if (raw.encoding !== 'utf-8')
        process.stderr.write(`newsgraph extract: ${file}: not UTF-8; read as ${raw.encoding}\n`);
      const graph = extractArticle(raw, { maxBytes: maxArticleBytes });
      process.stdout.write(`${JSON.stringify(toExtractLine(graph))}\n`);
    } catch (error) {
      failures++;
      if (isNewsgraphError(error))
        process.stderr.write(
          `newsgraph extract: ${error.code}: ${error.message.startsWith(file) ? error.message : `${file}: ${error.message}`}\n`,
        );
      else
        process.stderr.write(`newsgraph extract: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return failures === 0 ? 0 : 2;
}
