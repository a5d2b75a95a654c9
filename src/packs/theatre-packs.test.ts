/**
 * The theatre packs beyond Karabakh: declared dyads, ceasefires that bind only their parties, and
 * events of a ceasefire's war coded as violations.
 */
import { describe, expect, it } from 'vitest';
import { ceasefireInForce } from '../extract/ceasefire.js';
import { createExtractContext } from '../extract/create-extract-context.js';
import { opponentOf, soleOpponentOf } from '../extract/merge-drafts.js';
import { processArticle } from '../pipeline/process-article.js';
import { loadPacks } from './load-packs.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const packs = loadPacks();

function events(text: string, published: string) {
  const raw: RawArticle = {
    id: 't1', source: 't1', format: 'jsonl', title: null, text, html: null, url: null, outlet: null, published, publishedSource: 'metadata',
    language: 'en', diagnostics: [],
  };
  return processArticle(raw, ctx).events;
}

describe('theatre packs', () => {
  it('every pack beyond Karabakh names its sources in its README and has dated key events', () => {
    const ids = packs.theatres.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['russia-ukraine', 'israel-gaza', 'israel-lebanon', 'syria', 'sudan', 'yemen-red-sea', 'dr-congo', 'sahel', 'myanmar', 'ethiopia', 'somalia', 'nigeria']));
    for (const t of packs.theatres) expect(t.keyEvents.length).toBeGreaterThan(0);
  });

  it('declares the dyad of a two-sided war without making every country of it a scope', () => {
    expect(ctx.forArticle!('Russian drones struck Kharkiv overnight.').dyads).toEqual([['RUS', 'UKR']]);
    expect(ctx.forArticle!('Fighting raged in Omdurman between the army and the RSF.').dyads).toEqual([['SDN', 'RSF']]);
    expect(ctx.forArticle!('Russian jets bombed villages overnight.').dyads).toEqual([]);
    expect(ctx.forArticle!('A car bomb exploded at a checkpoint in Mogadishu on Sunday.').dyads).toEqual([['SOM', 'SHABAAB']]);
    expect(ctx.forArticle!('Troops repelled an attack on their base in Borno state.').dyads).toEqual([['NGA', 'BOKOHARAM'], ['NGA', 'ISWAP']]);
  });

  it('gives the Somali army one implied opponent and the Nigerian army its first declared one', () => {
    const som = ctx.forArticle!('Militants stormed a military base near Beledweyne in Hiiraan region.');
    expect(soleOpponentOf('SOM', som)).toBe('SHABAAB');
    expect(soleOpponentOf('SHABAAB', som)).toBe('SOM');
    const nga = ctx.forArticle!('Insurgents attacked an army post near Maiduguri, the Borno state capital.');
    expect(opponentOf('NGA', nga)).toBe('BOKOHARAM');
    expect(opponentOf('ISWAP', nga)).toBe('NGA');
    // two jihadist wars in scope: no single opponent of the army
    expect(soleOpponentOf('NGA', nga)).toBeNull();
  });

  it('takes the implied opponent of a side with two wars in scope from the war the article names most', () => {
    const both = ctx.forArticle!('Israeli strikes hit Rafah and Hezbollah positions near Nabatieh.');
    expect(opponentOf('ISR', both)).toBe('HEZBOLLAH');
    expect(soleOpponentOf('ISR', both)).toBeNull();
    const gaza = ctx.forArticle!('Israeli strikes hit Rafah and Khan Younis in Gaza, while Hezbollah fired rockets.');
    expect(opponentOf('ISR', gaza)).toBe('HAMAS');
    expect(opponentOf('HEZBOLLAH', both)).toBe('ISR');
    expect(opponentOf('HAMAS', both)).toBe('ISR');
    expect(soleOpponentOf('ISR', ctx.forArticle!('Israeli strikes hit Nabatieh in southern Lebanon.'))).toBe('HEZBOLLAH');
  });

  it('binds a ceasefire only when every known side is its party', () => {
    const lb = packs.theatres.find((t) => t.id === 'israel-lebanon')!.ceasefires;
    expect(ceasefireInForce(lb, '2025-03-01', ['ISR', 'CIV'])?.id).toBe('ceasefire:il-lb:2024-11-27-ceasefire');
    expect(ceasefireInForce(lb, '2025-03-01', ['ISR', 'HAMAS'])).toBeNull();
    expect(ceasefireInForce(lb, '2024-10-15', ['ISR', 'HEZBOLLAH'])).toBeNull();
    const syria = packs.theatres.find((t) => t.id === 'syria')!.ceasefires;
    expect(ceasefireInForce(syria, '2021-06-10', ['SYR', 'HTS'])?.id).toBe('ceasefire:syria:2020-03-06-moscow');
    expect(ceasefireInForce(syria, '2021-06-10', ['TUR', 'SDF'])).toBeNull();
    // a broker's peacekeepers are no third side
    const nk = packs.theatres.find((t) => t.id === 'nagorno-karabakh')!.ceasefires;
    expect(ceasefireInForce(nk, '2022-03-25', ['RUS', 'AZE'])?.id).toBe('ceasefire:nk:2020-11-10-trilateral');
  });

  it('codes an Israeli strike in southern Lebanon after November 2024 as a ceasefire violation', () => {
    const ev = events('An Israeli drone strike killed two people in the town of Nabatieh in southern Lebanon on Sunday, the health ministry said.', '2025-09-14');
    const strike = ev.find((e) => e.event_type === 'Explosions/Remote violence');
    expect(strike?.ceasefire_violation).toBe(true);
    expect(strike?.rules).toContain('ceasefire/ceasefire:il-lb:2024-11-27-ceasefire');
  });

  it('gives a Russian strike in Ukraine with no target named the Ukrainian side as opponent', () => {
    const ev = events('Russian forces shelled front-line positions near Kupiansk in the Kharkiv region on Tuesday, the Ukrainian military said.', '2025-03-05');
    const strike = ev.find((e) => e.event_type === 'Explosions/Remote violence');
    expect(strike?.actor1?.side).toBe('RUS');
    expect(strike?.actor2?.side).toBe('UKR');
    expect(strike?.rules).toContain('roles/implied-opponent');
  });

  it('gives the drones a side shoots down in a two-sided war to the other side', () => {
    const ev = events("Ukraine's air force said on Tuesday it had shot down 15 Shahed drones over the Odesa region.", '2025-03-05');
    const down = ev.find((e) => e.sub_event_type === 'Disrupted weapons use');
    expect(down?.actor1?.side).toBe('UKR');
    expect(down?.actor2?.side).toBe('RUS');
  });
});
