// The event dossier: the merged event, its contradictions side by side, and each report with its
// source, its claims and the article text with the evidence highlighted (text nodes only).
import { el, highlighted } from './dom.js';
import { typeColor } from './colors.js';

const actorName = (a) => (a ? `${a.name}${a.side ? ` (${a.side})` : ''}` : '—');
const show = (v) => (v === null || v === undefined ? '—' : typeof v === 'object' ? (v.name ?? JSON.stringify(v)) : String(v));

/** A quotation's text without the quotation marks it already has: the <q> element adds its own. */
export function unquoted(text) {
  return String(text).trim().replace(/^["'“”‘’„«»]+\s*/u, '').replace(/\s*["'“”‘’„«»]+$/u, '');
}

/** Who a claim's report comes from: the outlet, else the claimant, else "unknown outlet" (never an article id). */
export function sourceOf(article, claim) {
  return article?.outlet || claim?.claimant?.name || 'unknown outlet';
}

export function renderDossier(d, { onStory }) {
  const e = d.event;
  const root = el('div', { class: 'dossier', 'data-event': e.id });
  // Absent parts (null) are left out: append() would print them as "null".
  root.append(...[
    el('h2', {}, el('span', { class: 'badge', style: `background:${typeColor(e.event_type)}` }, e.event_type), e.sub_event_type),
    el('p', { class: 'meta' }, `${e.date ?? 'undated'}${e.date_end ? ` – ${e.date_end}` : ''} · ${e.location?.name ?? 'unknown place'} · ${e.sources} source(s) · ${e.reports.length} report(s)`),
    e.ceasefire_violation ? el('span', { class: 'badge cf' }, 'ceasefire violation') : null,
    e.background ? el('span', { class: 'badge' }, 'background') : null,
    el('table', {},
      el('tr', {}, el('th', {}, 'Actor 1'), el('td', {}, actorName(e.actor1))),
      el('tr', {}, el('th', {}, 'Actor 2'), el('td', {}, actorName(e.actor2))),
      el('tr', {}, el('th', {}, 'Killed / injured'), el('td', {}, `${show(e.fatalities)} / ${show(e.injured)}`)),
      el('tr', {}, el('th', {}, 'Place'), el('td', {}, e.location ? `${[e.location.name, e.location.admin1, e.location.country].filter(Boolean).join(', ')} (precision ${e.location.geo_precision})` : '—')),
    ),
  ].filter((part) => part !== null));
  if (d.story) root.append(el('p', {}, 'Story: ', el('a', { href: '#', class: 'story-link', onclick: (ev) => { ev.preventDefault(); onStory(d.story.id, d.story.title); } }, d.story.title)));
  if (e.contradictions.length > 0) {
    root.append(el('h3', {}, 'Contradictions'));
    for (const c of e.contradictions) {
      root.append(el('div', { class: 'meta' }, c.field), el('div', { class: 'contradiction', 'data-field': c.field }, c.values.map((v) => el('div', {}, el('strong', {}, show(v.value)), el('div', { class: 'meta' }, v.claimants.join(', '))))));
    }
  }
  root.append(el('h3', {}, 'Reports'));
  for (const r of d.reports) root.append(renderReport(r));
  return root;
}

function renderReport(r) {
  const a = r.article;
  const box = el('section', { class: 'report', 'data-article': r.article_id });
  if (!a) return box.appendChild(el('p', {}, `Article ${r.article_id} is no longer stored.`)) && box;
  box.append(el('h4', {}, a.title ?? 'untitled article'), el('p', { class: 'meta' }, `${a.outlet ?? 'unknown outlet'} · ${a.published ?? 'undated'} `, a.url && /^https?:\/\//.test(a.url) ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original') : null));
  const ev = r.event;
  const spans = [];
  if (ev) {
    if (ev.claims.length > 0) {
      box.append(el('ul', { class: 'claims' }, ev.claims.map((c) => el('li', {},
        el('strong', {}, c.claimant ? c.claimant.name : (a.outlet ?? 'the outlet')), ` ${c.stance}${c.hedged ? ' (hedged)' : ''}`,
        c.accused ? ` · blames ${c.accused.name}` : '', el('span', { class: 'meta' }, ` — source: ${sourceOf(a, c)}`),
        el('div', {}, el('q', {}, unquoted(c.evidence.text)))))));
      for (const c of ev.claims) spans.push({ start: c.evidence.start, end: c.evidence.end, cls: 'claim', title: `claim: ${c.claimant?.name ?? 'outlet'} ${c.stance}` });
    }
    for (const s of ev.evidence) spans.push({ start: s.start, end: s.end, cls: 'evidence', title: 'evidence' });
  }
  box.append(el('div', { class: 'article-text' }, highlighted(a.text, spans.sort((x, y) => (x.cls === 'evidence' ? -1 : 1) - (y.cls === 'evidence' ? -1 : 1)))));
  return box;
}
