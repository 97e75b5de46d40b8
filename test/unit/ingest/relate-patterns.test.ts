// General Danish relation patterns added for recall on unseen articles; own sentences, rules only (no tagger model).
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../server/ingest/extract.ts';

function relations(body: string): string[] {
  const graph = extractArticle({ text: `Titel\n\n${body}` }, { tagger: null });
  const name = (id: string) => (id === 'ARTICLE' ? 'ARTICLE' : graph.entities.find((e) => e.id === id)?.name ?? id);
  return [...new Set(graph.relations.filter((r) => r.type !== 'CO_MENTIONED').map((r) => `${name(r.fromId)} ${r.type} ${name(r.toId)}`))];
}

describe('title appositions', () => {
  it('reads "X\'s administrerende direktør, Y" as HEADS (a bare "direktør" stays EMPLOYED_BY)', () => {
    expect(relations('Det oplyser Vestas administrerende direktør, Karen Holm Sørensen, i en pressemeddelelse.')).toContain('Karen Holm Sørensen HEADS Vestas');
    expect(relations('Det oplyser Vestas direktør, Karen Holm Sørensen, i en pressemeddelelse.')).toContain('Karen Holm Sørensen EMPLOYED_BY Vestas');
  });

  it('reads "Kommissionens …kommissær, Y" as MEMBER_OF the body', () => {
    expect(relations('Europa-Kommissionens handelskommissær, Peter Lund Berg, besøgte i går Aarhus.')).toContain('Peter Lund Berg MEMBER_OF Europa-Kommissionen');
  });

  it('reads a ministerial title that opens the sentence as HEADS the ministry named in the article', () => {
    const r = relations('Erhvervsministeriet har sendt et lovforslag i høring. Erhvervsminister Jonas Vinter Kjær siger, at reglerne skal forenkles.');
    expect(r).toContain('Jonas Vinter Kjær HEADS Erhvervsministeriet');
  });

  it('reads "foreningens formand, Y" as HEADS the association named just before', () => {
    const r = relations('Forslaget kritiseres af brancheforeningen Dansk Softwareråd. "Vi er skuffede," siger foreningens formand, Lise Krogh Madsen, til avisen.');
    expect(r).toContain('Lise Krogh Madsen HEADS Dansk Softwareråd');
  });
});
