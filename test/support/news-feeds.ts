// Feeds and the article pages behind them for the local test news site (news-site.ts): an RSS 2.0 feed and an Atom
// feed of the same site, with a repeated item, an item robots.txt forbids and one that is gone, and a "live" feed
// the tests add items to. The articles are written for the project, in the manner of a Danish tech news site.
import { createHash } from 'node:crypto';

export interface FeedArticle {
  readonly path: string;
  readonly title: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly author: string;
  readonly paragraphs: readonly string[];
}

/** Articles only the feeds link to, served as HTML pages under their path. */
export const FEED_ARTICLES: readonly FeedArticle[] = [
  {
    path: '/nyheder/kattegat-cloud-bygger-datacenter',
    title: 'Kattegat Cloud bygger datacenter ved Aalborg Havn',
    date: '2025-10-02',
    author: 'Mads Vestergaard',
    paragraphs: [
      'Hostingfirmaet Kattegat Cloud A/S vil bygge et nyt datacenter på en tidligere kulplads ved Aalborg Havn. Det oplyser selskabet i en meddelelse torsdag.',
      'Byggeriet skal stå færdigt i 2027 og koster ifølge Kattegat Cloud omkring 400 millioner kroner. Overskudsvarmen fra serverne skal sendes ud i byens fjernvarmenet.',
      '"Vi har kunder i hele Norden, som vil have deres data opbevaret i Danmark, og vores to datacentre i Hobro er snart fulde," siger administrerende direktør Line Bach.',
      'Aalborg Kommune har allerede godkendt lokalplanen for området. Kommunen forventer, at datacentret vil skabe omkring 60 faste arbejdspladser.',
    ],
  },
  {
    path: '/nyheder/skovbo-software-sagsoeger-tidsregistrering',
    title: 'Skovbo Software sagsøger konkurrent for kopieret kildekode',
    date: '2025-10-03',
    author: 'Pernille Kjær',
    paragraphs: [
      'Odense-virksomheden Skovbo Software ApS har stævnet konkurrenten Tidsbanken A/S ved Sø- og Handelsretten. Skovbo Software mener, at Tidsbanken har kopieret dele af kildekoden til et system til tidsregistrering.',
      'Ifølge stævningen arbejdede to af Tidsbankens udviklere tidligere hos Skovbo Software og tog koden med sig, da de skiftede job i foråret.',
      'Tidsbanken afviser anklagerne. "Vores system er udviklet fra bunden af vores egne folk, og det vil vi dokumentere i retten," skriver direktør Henrik Lund i en e-mail.',
      'Skovbo Software kræver en erstatning på 12 millioner kroner. Sagen ventes at komme for retten næste år.',
    ],
  },
  {
    path: '/nyheder/vestkyst-energi-ny-it-direktoer',
    title: 'Vestkyst Energi henter ny it-direktør fra Nordlys Data',
    date: '2025-10-06',
    author: 'Karen Holmgaard',
    paragraphs: [
      'Energiselskabet Vestkyst Energi A/S har ansat Ida Sørensen som it-direktør. Hun tiltræder den 1. december og skal blandt andet stå for selskabets overgang til nye målersystemer.',
      'Ida Sørensen kommer fra en stilling som afdelingsleder hos Nordlys Data A/S i Aarhus, hvor hun i fem år har haft ansvaret for driften af kundernes netværk.',
      '"Ida har netop den erfaring med store driftsmiljøer, vi har brug for, når vi skal digitalisere nettet," siger administrerende direktør Torben Mikkelsen.',
      'Vestkyst Energi har hovedsæde i Esbjerg og leverer strøm til omkring 120.000 kunder i Sydvestjylland.',
    ],
  },
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The HTML page of a feed article, with the usual site furniture around it. */
export function feedArticlePage(article: FeedArticle): string {
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escapeXml(article.title)} | Tekniknyt</title>
<meta property="og:title" content="${escapeXml(article.title)}">
<meta property="article:published_time" content="${article.date}T08:00:00+02:00">
<meta name="author" content="${escapeXml(article.author)}">
</head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Forside</a></li><li><a href="/karriere">Karriere</a></li><li><a href="/abonnement">Bliv abonnent</a></li></ul></nav></header>
<div class="ad ad-top"><p>Annonce</p><p>Prøv Skyfri Backup gratis i 30 dage.</p></div>
<main>
<article>
  <h1>${escapeXml(article.title)}</h1>
  <p class="byline">Af ${escapeXml(article.author)} · <time datetime="${article.date}T08:00:00+02:00">${article.date}</time></p>
${article.paragraphs.map((p) => `  <p>${escapeXml(p)}</p>`).join('\n')}
</article>
</main>
<footer><p>Tekniknyt · Redaktion: Havnegade 4, 8000 Aarhus C · <a href="/privatliv">Privatlivspolitik</a></p></footer>
</body>
</html>
`;
}

export interface FeedEntry {
  readonly link: string;
  readonly title: string;
  readonly date: string;
}

/** An RSS 2.0 document. */
export function rssFeed(site: string, entries: readonly FeedEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Tekniknyt – Seneste nyt</title>
  <link>${site}/</link>
  <description>Nyheder om it, tele og tech fra Tekniknyt</description>
  <language>da</language>
  <atom:link href="${site}/rss/seneste.xml" rel="self" type="application/rss+xml"/>
${entries
  .map(
    (e) => `  <item>
    <title>${escapeXml(e.title)}</title>
    <link>${escapeXml(e.link)}</link>
    <guid isPermaLink="true">${escapeXml(e.link)}</guid>
    <pubDate>${new Date(`${e.date}T06:00:00Z`).toUTCString()}</pubDate>
  </item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
}

/** An Atom 1.0 document. */
export function atomFeed(site: string, entries: readonly FeedEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <title>Tekniknyt – Karriere og erhverv</title>
  <id>${site}/atom/erhverv.xml</id>
  <link rel="self" href="${site}/atom/erhverv.xml"/>
  <link rel="alternate" href="${site}/"/>
  <updated>2025-10-06T08:00:00Z</updated>
${entries
  .map(
    (e) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <id>urn:tekniknyt:${createHash('sha1').update(e.link).digest('hex').slice(0, 12)}</id>
    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>
    <updated>${e.date}T06:00:00Z</updated>
    <author><name>Tekniknyt</name></author>
  </entry>`,
  )
  .join('\n')}
</feed>
`;
}
