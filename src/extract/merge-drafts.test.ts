import { describe, expect, it } from 'vitest';
import { createExtractContext } from './create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();
const events = (text: string) =>
  processArticle({
    id: 'x', source: 'x', format: 'json', title: null, text, html: null, url: null,
    outlet: 'Test Wire', published: '2020-10-07', publishedSource: 'metadata', language: null, diagnostics: [],
  }, ctx).events.filter((e) => !e.background);

describe('merging within an article', () => {
  it('the looting and burning that follow a raid are part of it, not events of their own', () => {
    const got = events('Al-Shabaab fighters stormed a military base near Marka in Lower Shabelle on Tuesday, killing 13 soldiers, officials said.\n\nThe militants looted weapons and torched vehicles before withdrawing, a resident said.');
    expect(got).toHaveLength(1);
    expect(got[0]!.event_type).toBe('Battles');
    expect(got[0]!.fatalities).toBe(13);
  });
  it('the stated aim of a strike ("targeting a Hamas operative") is no battle of its own', () => {
    const got = events('An Israeli air strike on a residential building in Shujaiya in Gaza City on Tuesday killed 23 people, health officials said.\n\nThe Israeli military said its aircraft had been targeting a senior Hamas operative who was planning attacks.');
    expect(got).toHaveLength(1);
    expect(got[0]!.sub_event_type).toBe('Air/drone strike');
  });
  it('a later "civilians were killed" with no day or place of its own is the toll of the event told, not a new one', () => {
    const got = events('Drone strikes on the town of Kheret in the Amhara region killed more than 100 civilians on Monday, residents said.\n\nLocal authorities said the strike targeted armed militants gathered in the area.\n\nHowever, residents denied the presence of any fighters and insisted that only civilians were killed.');
    expect(got).toHaveLength(1);
  });
  it('a relative clause in the perfect describes a state of affairs, not news; fighters entering homes take no territory', () => {
    const got = events('RSF shells hit a mosque in El Fasher on Tuesday, killing 13 people, witnesses said. The fire came from the north, where the RSF has overrun the Abu Shouk camp.\n\nA survivor said families were hiding inside after RSF fighters entered their homes.');
    expect(got).toHaveLength(1);
    expect(got[0]!.sub_event_type).toBe('Shelling/artillery/missile attack');
  });
  it('two strikes on two different named armed groups on one day are two events', () => {
    const got = events('An Israeli strike killed two Hezbollah fighters near the border on Tuesday, a source close to the group said.\n\nA Lebanese security source said an Israeli strike on a car in the southern city of Sidon on Tuesday killed a Hamas official.');
    expect(got.map((e) => e.actor2?.side).sort()).toEqual(['HAMAS', 'HEZBOLLAH']);
  });
  it('a generic "attack" in the paragraph of a strike, or the next, retells it', () => {
    const got = events('Israeli air strikes hit a house in the town of Rafah on Tuesday, health officials said.\n\nThe attack killed four people, including two children, the officials said.');
    expect(got).toHaveLength(1);
    expect(got[0]!.sub_event_type).toBe('Air/drone strike');
    expect(got[0]!.fatalities).toBe(4);
  });
  it('fighting told beside a bombardment stays a battle of its own', () => {
    const got = events('Azerbaijani forces bombed Stepanakert on Sunday morning, the separatists said.\n\nFierce fighting broke out along the front line on Sunday.');
    expect(got.map((e) => e.event_type).sort()).toEqual(['Battles', 'Explosions/Remote violence']);
  });
  it('a roadside bomb told with nothing but "the attack" stays the event', () => {
    const got = events('A roadside bomb destroyed an army truck near Gao on Tuesday, killing four soldiers. The attack was the third this month, officials said.');
    expect(got.map((e) => e.sub_event_type)).toContain('Remote explosive/landmine/IED');
  });
  it('one happening told twice in one clause is one event', () => {
    const got = events('Armenian units fought Azerbaijani troops and shelled their positions near Talish on Tuesday, the ministry said.');
    expect(got).toHaveLength(1);
    expect(got[0]!.mentions?.map((m) => m.trigger.text)).toEqual(['fought', 'shelled']);
  });
  it('two clauses with two places stay two events', () => {
    const got = events('Azerbaijani drones struck Stepanakert on Tuesday, while Armenian artillery shelled Terter, officials said.');
    expect(got.map((e) => e.actor1?.side).sort()).toEqual(['ARM', 'AZE']);
  });
  it('a telling with no place does not bridge two places into one event', () => {
    const got = events('Heavy fighting raged in Martuni on Tuesday, the ministry said.\n\n' +
      'Fighting continued throughout Tuesday, Armenian officials said.\n\n' +
      'Fighting was also reported in Talish on Tuesday.');
    expect(got.map((e) => e.location?.source_text).filter(Boolean).sort()).toEqual(['Martuni', 'Talish']);
  });
  it('two settlements shelled in one sentence are two events (one per location)', () => {
    const got = events('Azerbaijani forces shelled Martuni and Askeran on Tuesday, the ministry said.');
    expect(got.map((e) => e.location?.source_text).sort()).toEqual(['Askeran', 'Martuni']);
    expect(got.every((e) => e.actor1?.side === 'AZE')).toBe(true);
  });
});

describe('merging: a country named for an event holds the town another telling names', () => {
  it('joins "in Ukraine" and "in Kharkiv" tellings of one strike', () => {
    const got = events('Russian drones struck targets in Ukraine overnight, the air force said on Tuesday. ' +
      'In Kharkiv, Russian drones struck a school overnight, killing three people, the governor said.');
    const strikes = got.filter((e) => e.event_type === 'Explosions/Remote violence');
    expect(strikes).toHaveLength(1);
    expect(strikes[0]!.location?.source_text).toBe('Kharkiv');
  });
});

describe('one event per listed place', () => {
  it('splits a shelling over every settlement of a list, including names no gazetteer knows at its end', () => {
    const got = events("Armenia's Defence Ministry said Azerbaijani artillery shelled Armenian positions in Sotk, Vardenis, Goris, Kapan, Jermuk, Nerkin Arkhvar and Verin Sarnaghbyur on Tuesday.");
    const places = got.map((e) => e.location?.name);
    for (const p of ['Sotk', 'Vardenis', 'Goris', 'Kapan', 'Jermuk']) expect(places).toContain(p);
  });
  it('splits fire on positions in a list of districts, even when a summary sentence told the firing first', () => {
    const got = events("Armenian units fired on Azerbaijani army positions nine times overnight, the Defence Ministry in Baku said.\n\nThe incidents were recorded as a result of periodic fire opened with small arms on army positions stationed in the Aghdam, Khojavand and Khojaly districts.");
    const places = got.map((e) => e.location?.name ?? '');
    expect(places.filter((p) => /A(?:gh|g|ğ)dam/.test(p))).toHaveLength(1);
    expect(places.some((p) => /Khojav[ae]nd/.test(p))).toBe(true);
    expect(places.some((p) => /Khojaly/.test(p))).toBe(true);
  });
  it('reads "as a result of the shelling" as the event that caused the toll, not a measure of one told elsewhere', () => {
    const got = events('A civilian was wounded in Tartar on Monday as a result of shelling by Armenian forces, the prosecutor general said.');
    expect(got).toHaveLength(1);
    expect(got[0]!.event_type).toBe('Explosions/Remote violence');
    expect(got[0]!.actor1?.side).toBe('ARM');
  });
});

describe('a toll told with the area that holds the event\'s place', () => {
  it('"in southern Gaza\'s Rafah", "Rafah in southern Gaza": one event, not one more in the area', () => {
    const got = processArticle({
      id: 'x', source: 'x', format: 'json', title: "Israeli strikes kill 12 in southern Gaza's Rafah", html: null, url: null,
      text: "Israeli strikes kill 12 in southern Gaza's Rafah\n\nTwelve Palestinians were killed in Israeli air strikes on Rafah in southern Gaza on Tuesday, medics said.",
      outlet: 'Test Wire', published: '2024-05-07', publishedSource: 'metadata', language: null, diagnostics: [],
    }, ctx).events.filter((e) => !e.background);
    expect(got).toHaveLength(1);
    expect(got[0]!.location?.name).toMatch(/Rafah|Rafa/);
  });
});

describe('an event noun that judges something told', () => {
  it('"decried the move as a gross violation of the ceasefire" is no battle of its own', () => {
    const got = events('Azerbaijani border guards set up a checkpoint at the bridge on Sunday. Armenia decried the move as a gross violation of the ceasefire.');
    expect(got.some((e) => e.event_type === 'Battles')).toBe(false);
  });
  it('a violation told as news is still one', () => {
    const got = events('Armenian forces violated the ceasefire near Tartar on Sunday, the ministry in Baku said.');
    expect(got.some((e) => e.event_type === 'Battles')).toBe(true);
  });
});

describe('a named campaign against armed groups', () => {
  it('"announced the launch of an anti-terror operation" arms the sentence: a battle', () => {
    const got = events("Azerbaijan's Defence Ministry announced on Tuesday the launch of an anti-terror operation in Karabakh.");
    expect(got.some((e) => e.event_type === 'Battles')).toBe(true);
  });
});

describe('a symmetric telling beside a directional one', () => {
  it('"fighting between the army (FARDC) and M23" gives no attacker against "the rebels launched an attack on army positions"', () => {
    const got = events('Calm returned to Sake on Saturday after an exchange of fire between the FARDC and M23.\n\nHeavy fighting between the Armed Forces of the DRC (FARDC) and M23 rebels broke out in Sake on Friday night.\n\nThe rebels launched an attack on positions held by the Congolese army in Sake at around 2 a.m. on Friday, local sources said.');
    const battle = got.find((e) => e.event_type === 'Battles');
    expect(battle?.actor1?.side).toBe('M23');
    expect(battle?.actor2?.side).toBe('COD');
  });
});

describe('a generic group in the singular', () => {
  it('"an insurgent group attacked" stands for the country\'s default group, as "insurgents" does', () => {
    const got = events('An insurgent group attacked an outlying neighbourhood of Nangade town in Cabo Delgado on Friday, killing three people.');
    expect(got[0]?.actor1?.side).toBe('ISM');
  });
});
