import { describe, expect, it } from 'vitest';
import { casualtiesFromTokens } from './casualty-grammar.js';
import { loadLexicon } from '../lexicon.js';
import { analyzeText } from '../../nlp/analyze-text.js';

const lex = loadLexicon();
const read = (text: string) =>
  casualtiesFromTokens(text, analyzeText(text).tokens, lex, [], false).map((c) => `${c.category} ${c.count}`);

describe('casualty grammar over tokens', () => {
  it('reads counts as subjects of passive and intransitive predicates', () => {
    expect(read('At least 40 people were killed and 300 wounded on Tuesday.')).toEqual(['killed 40', 'injured 300']);
    expect(read('Seven villagers from the same clan died in the raid.')).toEqual(['killed 7']);
    expect(read('A policeman was shot dead at the checkpoint.')).toEqual(['killed 1']);
    expect(read('Two farmers and a boy lost their lives.')).toEqual(['killed 3']);
  });
  it('reads counts as objects of active verbs, and results of "leave"', () => {
    expect(read('The rockets killed nine of them and injured 15.')).toEqual(['killed 9', 'injured 15']);
    expect(read('Mortar fire left three soldiers dead and two more hurt.')).toEqual(['killed 3', 'injured 2']);
  });
  it('does not take the attackers for the victims', () => {
    expect(read('Four gunmen killed two guards at the gate.')).toEqual(['killed 2']);
  });
  it('reads tolls, lives and count nouns', () => {
    expect(read('The death toll from the blast has risen to 31, officials said.')).toEqual(['killed 31']);
    expect(read('The ambush cost the lives of 11 recruits.')).toEqual(['killed 11']);
    expect(read('The number of people wounded in the shelling has risen to 20.')).toEqual(['injured 20']);
    expect(read('Gunmen raided the post, martyring three constables.')).toEqual(['killed 3']);
    expect(read('Medics recovered 14 bodies from the rubble.')).toEqual(['killed 14']);
  });
  it('keeps "more than N" above N and reads vague counts at their lowest', () => {
    expect(read('More than 20 civilians were wounded.')).toEqual(['injured 21']);
    expect(read('Dozens of people were injured.')).toEqual(['injured 24']);
    expect(read('Tens of thousands have died since the war began.')).toEqual([]);
  });
  it('reads zero tolls but not missing figures', () => {
    expect(read('The shell hit a school; there were no casualties.')).toEqual(['killed 0', 'injured 0']);
    // nobody hurt: nobody killed either
    expect(read('Nobody was hurt, the mayor said.')).toEqual(['injured 0', 'killed 0']);
    expect(read('No one was killed or injured in the blast.')).toEqual(['killed 0', 'injured 0']);
    expect(read('The rocket left no one dead.')).toEqual(['killed 0']);
    expect(read('Two guards died; no one else was hurt.')).toEqual(['killed 2']);
    expect(read('The army gave no casualty figures.')).toEqual([]);
    expect(read('There was no word on the injured.')).toEqual([]);
  });
  it('does not count things that are not people', () => {
    expect(read('Two drones were destroyed and three shells hit the depot.')).toEqual([]);
    expect(read('The strike on the village killed a cow.')).toEqual([]);
  });
});

describe('casualty grammar: long victim phrases and appositions', () => {
  it('reads the head count of a victim phrase with two prepositional phrases, and no count inside it', () => {
    expect(read('At least 20 residents of a remote village in northeastern Nigeria were killed when gunmen attacked.')).toEqual(['killed 20']);
  });
  it('reads the victims an event noun counts ("the deaths of eight soldiers and injuries to 16 others")', () => {
    expect(read('The attack resulted in the deaths of eight Afghan soldiers and injuries to 16 others.')).toEqual(['killed 8', 'injured 16']);
  });
  it('reads a manner verb with "to death" as killing ("hacked to death at least 22 civilians", "were stabbed to death")', () => {
    expect(read('Rebels hacked to death at least 22 civilians in an overnight raid.')).toEqual(['killed 22']);
    expect(read('Five villagers were stabbed to death on Sunday.')).toEqual(['killed 5']);
  });
  it('reads through an apposition with a figure of its own ("including three children", "nine of them children")', () => {
    expect(read('Thirteen people, including three children, were killed.')).toEqual(['killed 13']);
    expect(read('Fourteen people, nine of them children, died.')).toEqual(['killed 14']);
    expect(read('Two soldiers, three civilians and a child were killed.')).toEqual(['killed 6']);
  });
});

describe('casualty grammar: ages are not counts', () => {
  it('reads "a shell killed 16-year-old X" as no count', () => {
    expect(read('A shell killed 16-year-old Amina and wounded her 13-year-old brother.')).toEqual([]);
  });
});

describe('casualty grammar: groups of victims', () => {
  it('reads each group of "cost the lives of" with its own victims', () => {
    const text = 'The clashes cost the lives of six police officers and five militia fighters.';
    const got = casualtiesFromTokens(text, analyzeText(text).tokens, lex, [], false);
    expect(got.map((c) => [c.count, c.victim?.text])).toEqual([[6, 'police officers'], [5, 'militia fighters']]);
  });
});

describe('casualty grammar: decimals with multipliers', () => {
  it('reads "1.2 thousand wounded" as 1,200 and "2.5 million" as 2,500,000 people, not 1 or 2', () => {
    expect(read('Officials said 1.2 thousand people were wounded in the bombardment.')).toEqual(['injured 1200']);
    expect(read('The strikes killed 1.5 thousand civilians.')).toEqual(['killed 1500']);
  });
});

describe('casualty tally of an event', () => {
  it('counts "three people" and "three civilians" told of one strike once, not as two sides', async () => {
    const { createExtractContext } = await import('../create-extract-context.js');
    const { processArticle } = await import('../../pipeline/process-article.js');
    const text = 'A Ukrainian drone strike on Wednesday killed three people in the Russian border region of Belgorod, the governor said.\n\n"Three civilians have been killed," the governor wrote on Telegram.';
    const events = processArticle({
      id: 't', source: 't', format: 'json', title: 'Drone kills three in Belgorod region', text, html: null, url: null,
      outlet: 'Test Wire', published: '2023-08-23', publishedSource: 'metadata', language: null, diagnostics: [],
    }, createExtractContext()).events.filter((e) => !e.background);
    expect(events).toHaveLength(1);
    expect(events[0]!.fatalities).toBe(3);
  });
  it('keeps running tallies and campaign tolls out of the event ("Since October ...", "an AFP tally", "the offensive has killed")', async () => {
    const { createExtractContext } = await import('../create-extract-context.js');
    const { processArticle } = await import('../../pipeline/process-article.js');
    const text = 'An Israeli drone strike killed two Hezbollah fighters in the village of Kfar Rumman in south Lebanon on Thursday, a security source said.\n\n' +
      'Since October, at least 273 people have been killed on the Lebanese side, according to an AFP tally.\n\n' +
      "Gaza's health ministry says Israel's offensive has killed more than 40,000 people in the territory.\n\n" +
      'Research from US universities estimates the death toll at around 130,000.';
    const events = processArticle({
      id: 't', source: 't', format: 'json', title: null, text, html: null, url: null,
      outlet: 'Test Wire', published: '2024-08-09', publishedSource: 'metadata', language: null, diagnostics: [],
    }, createExtractContext()).events.filter((e) => !e.background);
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.fatalities).toBe(2);
    for (const e of events) expect(e.fatalities ?? 0).toBeLessThan(100);
  });
});

describe('casualty grammar: named victims (issue #13)', () => {
  it('counts one per named person, as object or subject', () => {
    expect(read('Gunmen shot and killed border guard Tomas Varga near the post.')).toEqual(['killed 1']);
    expect(read('A mortar round killed 15-year-old Lina Ostrova and wounded Pavel Dorn.')).toEqual(['killed 1', 'injured 1']);
    expect(read('On May 3, Ilya Brenner, 58, was killed in his garden.')).toEqual(['killed 1']);
    expect(read('Farmers Oskar Lind and Marta Vell were wounded by the blast.')).toEqual(['injured 2']);
    expect(read('A third guard, Ruben Salo, later died of his wounds.')).toEqual(['killed 1']);
  });
  it('reads fatal wounds as deaths', () => {
    expect(read('Sergeant Anton Kirr and Corporal Dan Vesk were wounded fatally in the shelling.')).toEqual(['killed 2']);
    expect(read('Two sentries were fatally wounded at dawn.')).toEqual(['killed 2']);
    expect(read('Private Emil Sorn received a fatal gunshot wound.')).toEqual(['killed 1']);
    expect(read('Villager Nora Pell suffered shrapnel wounds.')).toEqual(['injured 1']);
    expect(read('A driver suffered leg injuries.')).toEqual(['injured 1']);
  });
});

describe('casualty grammar: what is no count (issue #13)', () => {
  it('never reads an age as a count', () => {
    expect(read('A 37 year old reservist was wounded.')).toEqual(['injured 1']);
    expect(read('Two men aged 40 and 44 were hurt.')).toEqual(['injured 2']);
  });
  it('reads no death in an attempt', () => {
    expect(read('Snipers tried to kill a shepherd on the hill.')).toEqual([]);
    expect(read('The drone operators attempted to kill two engineers.')).toEqual([]);
  });
});

describe('casualty grammar: sizes and sums (issue #13)', () => {
  it('reads "a family of N" as N and "more than a dozen" above twelve', () => {
    expect(read('The strike killed a family of six.')).toEqual(['killed 6']);
    expect(read('A family of five was killed when the roof fell.')).toEqual(['killed 5']);
    expect(read('More than a dozen recruits were injured.')).toEqual(['injured 13']);
  });
  it('reads through an apposition that renames the victims, and an "including" phrase', () => {
    expect(read('Two people, a nurse and a driver, were killed on the road.')).toEqual(['killed 2']);
    // (nine words inside: the longest apposition the coordination and the apposition readings both allow)
    expect(read('Two soldiers, a young private and an older army staff sergeant, were killed.')).toEqual(['killed 2']);
    expect(read('A police officer, Jan Holm, was killed.')).toEqual(['killed 1']);
    expect(read('Officials said three people including a boy were injured.')).toEqual(['injured 3']);
  });
  it('sums coordinated victims of one verb', () => {
    expect(read('The bomb killed five guards but also two civilians including a girl.')).toEqual(['killed 7']);
    expect(read('The raid killed three fighters and two farmers.')).toEqual(['killed 5']);
  });
  it('reads "last month" after a toll only inside its sentence', () => {
    const text = 'Shelling kills three civilians in Donetsk\nLast year the town was quiet.';
    const title = analyzeText(text).tokens.filter((t) => t.end <= text.indexOf('\n'));
    expect(casualtiesFromTokens(text, title, lex, [], false).map((c) => [c.count, c.aggregate])).toEqual([[3, false]]);
    expect(read('Two guards were killed in a raid last month.').length).toBe(1);
    expect(casualtiesFromTokens('Two guards were killed in a raid last month.', analyzeText('Two guards were killed in a raid last month.').tokens, lex, [], false)[0]!.aggregate).toBe(true);
  });
  it('does not sum the subject of the next clause into the object ("killed two and five were wounded")', () => {
    expect(read('The shelling killed two people and five others were wounded.')).toEqual(['killed 2', 'injured 5']);
    expect(read('The strike killed a soldier and three civilians including a boy were hurt.')).toEqual(['killed 1', 'injured 3']);
    expect(read('The raid killed two guards and four others reportedly died later.')).toEqual(['killed 2', 'killed 4']);
    expect(read('The strike killed two soldiers and three civilians living nearby.')).toEqual(['killed 5']);
  });
  it('reads "one was hurt" and "wounded another"', () => {
    expect(read('Three soldiers died and one was hurt.')).toEqual(['killed 3', 'injured 1']);
    expect(read('The patrol killed one raider and wounded another.')).toEqual(['killed 1', 'injured 1']);
  });
  it('gives a bare figure the victims of the figure it is coordinated with, for their side', () => {
    const text = 'Five Ruritanian soldiers were killed and seven wounded.';
    const got = casualtiesFromTokens(text, analyzeText(text).tokens, lex, [], false);
    expect(got.map((c) => [c.category, c.count, c.victim?.text])).toEqual([['killed', 5, 'Ruritanian soldiers'], ['injured', 7, 'Ruritanian soldiers']]);
  });
  it('marks a toll of an earlier time as not this event\'s', () => {
    const text = 'The group vowed to avenge two of its leaders killed in a raid last month.';
    const got = casualtiesFromTokens(text, analyzeText(text).tokens, lex, [], false);
    expect(got.map((c) => [c.count, c.aggregate])).toEqual([[2, true]]);
  });
});

describe('casualty grammar: earlier tolls and objects (issue #13)', () => {
  it('reads a count after a participle as its object, and a sentence opened by "Last month," as an earlier toll', () => {
    const text = 'Last month, one shell on a crowded bazaar killed at least 40 people.';
    const got = casualtiesFromTokens(text, analyzeText(text).tokens, lex, [], false);
    expect(got.map((c) => [c.category, c.count, c.aggregate])).toEqual([['killed', 40, true]]);
  });
});

describe('casualty tally of an event: war tolls, other days, both sides (issue #13)', () => {
  const run = async (text: string, published: string) => {
    const { createExtractContext } = await import('../create-extract-context.js');
    const { processArticle } = await import('../../pipeline/process-article.js');
    return processArticle({
      id: 't', source: 't', format: 'json', title: null, text, html: null, url: null,
      outlet: 'Test Wire', published, publishedSource: 'metadata', language: null, diagnostics: [],
    }, createExtractContext()).events.filter((e) => !e.background);
  };
  it('keeps a war-scale figure told on its own and a toll of another day off the event', async () => {
    const events = await run('Artillery shelled the town of Velmora on Tuesday, killing two soldiers, the army said.\n\n' +
      'Officials say more than 30,000 people have been killed.\n\n' +
      'On March 2, Oren Falk, 61, was killed at his farm. Three neighbours were wounded.', '2024-03-06');
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.fatalities).toBe(2);
    expect(events[0]!.injured ?? null).toBeNull();
  });
});

describe('casualty grammar: relative clauses and hospital (issue #13)', () => {
  it('reads a predicate after a relative clause on the victims', () => {
    expect(read('Two medics who had driven in from the coast were injured.')).toEqual(['injured 2']);
  });
  it('reads "sending N to hospital" as injured', () => {
    expect(read('A shell fell on the square, sending three shoppers to hospital.')).toEqual(['injured 3']);
  });
});
