import { describe, expect, it } from 'vitest';
import { createExtractContext } from '../extract/create-extract-context.js';
import { processArticle } from '../pipeline/process-article.js';
import type { RawArticle } from '../model/article.js';

const ctx = createExtractContext();

/** Every event of a one-text article (background too), published on `published`. */
function allEvents(text: string, published: string | null) {
  const raw: RawArticle = {
    id: 't', source: 't', format: 'json', title: null, text, html: null, url: null,
    outlet: 'Test Wire', published, publishedSource: published ? 'metadata' : null, language: null, diagnostics: [],
  };
  return processArticle(raw, ctx).events;
}

function events(text: string) {
  return allEvents(text, '2024-03-12').filter((e) => !e.background);
}

describe('roles through the clause analysis', () => {
  it('reads the passive subject of a firing verb as the instrument: its owner fired, the goal was hit', () => {
    const [e] = events('Two Russian missiles were fired at Zaporizhzhia late on Monday and one struck a school, regional officials in Ukraine said.');
    expect(e?.actor1?.side).toBe('RUS');
    expect(e?.actor2?.side).not.toBe('RUS');
    expect(e?.rules).toContain('roles/syntax/instrument-subject');
  });
  it('codes an armed raid on villagers, with no armed opponent, as an attack on civilians', () => {
    const [e] = events('Suspected Boko Haram gunmen stormed the village of Kamuyya in Borno State on Sunday and killed 20 residents, a local official said.');
    expect(e?.event_type).toBe('Violence against civilians');
    expect(e?.sub_event_type).toBe('Attack');
    expect(e?.actor2?.side).toBe('CIV');
  });
  it('takes the by-agent of a light-verb participle after an event noun ("an airstrike carried out by X on Y")', () => {
    const [e] = events('A rescue worker was killed on Monday in an airstrike carried out by Syrian regime warplanes on the town of Sarjeh in southern Idlib, rescuers said.');
    expect(e?.actor1?.side).toBe('SYR');
    expect(e?.actor2?.side).toBe('CIV');
    expect(e?.rules).toContain('roles/syntax/participle-by');
  });
  it('never takes the dead for the attacker ("Two policemen were martyred in the attack")', () => {
    const es = events('Militants attacked a police checkpoint in Bannu district on Wednesday, officials said.\n\nTwo policemen were martyred and one was injured in the attack, the police chief said.');
    for (const e of es) expect(e.actor1?.side).not.toBe('PAK');
  });
  it('reads "a Russian strike against the city" as an attack though nothing else in the sentence is armed', () => {
    const [e] = events('A Russian strike against the city of Zaporizhzhia killed three people and injured 16 on Monday, the regional governor said.');
    expect(e?.event_type).toBe('Explosions/Remote violence');
    expect(e?.actor1?.side).toBe('RUS');
    expect(e?.fatalities).toBe(3);
  });
  it('reads a ground raid on a village that kills people as an attack on civilians', () => {
    const [e] = events('Armed men described as jihadists raided a village in northern Burkina Faso on Thursday, killing 15 people and burning shops, a regional governor said.');
    expect(e?.actor2?.side).toBe('CIV');
    expect(e?.event_type).toBe('Violence against civilians');
  });
  it('reads whoever struck a landmine as what was hit', () => {
    const [e] = events('Four Malian soldiers died on Tuesday when their vehicle struck a landmine near Boni in central Mali, the army said.');
    expect(e?.sub_event_type).toBe('Remote explosive/landmine/IED');
    expect(e?.actor1?.side).not.toBe('MLI');
    expect(e?.actor2?.side).toBe('MLI');
  });
  it('takes the subject of a progressive verb as the attacker, not the target', () => {
    const [e] = events('Russian troops are shelling the outskirts of Kharkiv, Ukrainian officials said on Monday.');
    expect(e?.actor1?.side).toBe('RUS');
    expect(e?.rules).toContain('roles/syntax/progressive-subject');
  });
  it('reads a participle after "by" as part of the agent phrase ("by suspected jihadists")', () => {
    const [e] = events('At least twelve soldiers were killed on Friday in an attack by suspected jihadists against an army post near Djibo in northern Burkina Faso, security sources said. JNIM operates in the area.');
    expect(e?.actor1?.side).toBe('JNIM');
    expect(e?.actor2?.side).toBe('BFA');
    expect(e?.rules).toContain('roles/syntax/nominal-by');
  });
  it('ends a noun phrase before a compass word ("bombed villages west of Bhamo" hits the villages)', () => {
    const [e] = events('Military aircraft bombed villages west of Bhamo in Kachin State on Monday, leaving 22 dead, local media said.');
    expect(e?.actor1?.side).toBe('MMR');
    expect(e?.actor2?.side).toBe('CIV');
  });
  it('takes the by-agent of a passive and the subject as target', () => {
    const [e] = events('Azerbaijani army positions near Tartar were shelled on Monday by Armenian forces, the ministry in Baku said.');
    expect(e?.actor1?.side).toBe('ARM');
    expect(e?.actor2?.side).toBe('AZE');
  });
  it('resolves a self-claim: "X said it had fired"', () => {
    const [e] = events('Hamas said on Monday it had fired a barrage of rockets at Israeli towns near the Gaza border.');
    expect(e?.actor1?.side).toBe('HAMAS');
    expect((e?.rules ?? []).some((r) => r.includes('+speaker'))).toBe(true);
    expect(e?.claims.map((c) => c.claimant?.side)).toContain('HAMAS');
  });
  it('codes a civilian object as the target: homes hit by shells', () => {
    const e = events('Armenian artillery shells hit a school and two homes in Tartar on Monday, Azerbaijani prosecutors said.')
      .find((x) => x.event_type === 'Explosions/Remote violence');
    expect(e?.actor1?.side).toBe('ARM');
    expect(e?.actor2?.side).toBe('CIV');
    expect(e?.rules?.some((r) => /^roles\/syntax\/(?:subject-noun-)?object\+civilians$/.test(r))).toBe(true);
  });
  it('does not credit an agreement to its broker', () => {
    const [e] = events('Armenia and Azerbaijan agreed on Monday to a Russian-brokered ceasefire in Nagorno-Karabakh.');
    expect(e?.actor1?.side).not.toBe('RUS');
  });
  it('names the speaker of an apposition: "X, a spokesman for the Houthi-run ministry, said"', () => {
    const [e] = events('Israeli air strikes killed three people in Hodeidah on Monday, Anees Ali, a spokesman for the Houthi-run health ministry, said.');
    expect(e?.actor1?.side).toBe('ISR');
    expect(e?.claims.map((c) => c.claimant?.side)).toContain('HOUTHIS');
  });
  it('resolves "it" to the topic of the sentence before, not to a backer or a place named since', () => {
    const text = 'Hezbollah said on Monday its fighters had shot down an Israeli drone over south Lebanon. '
      + 'In a statement, the Iran-backed group said the drone fell near Tyre. '
      + 'Its fighters also attacked a position of Israeli troops near Metula on Monday, it said.';
    const e = events(text).find((x) => x.event_type === 'Battles');
    expect(e?.actor1?.side).toBe('HEZBOLLAH');
    expect(e?.claims.map((c) => c.claimant?.side)).toContain('HEZBOLLAH');
    expect(e?.claims.map((c) => c.claimant?.side)).not.toContain('IRN');
  });
  it('reads an owner-less "army positions" and "the military said" as the forces of the country the article is in', () => {
    const text = "Mali's government has struggled with the insurgency in Mali for a decade. "
      + 'On Monday, JNIM fighters attacked army positions near Gao. The military said its troops had repelled the attack.';
    const e = events(text).find((x) => x.event_type === 'Battles');
    expect(e?.actor1?.side).toBe('JNIM');
    expect(e?.actor2?.side).toBe('MLI');
    expect(e?.claims.map((c) => c.claimant?.side)).toContain('MLI');
  });
  it('codes a remote attack on a settlement as an attack on civilians', () => {
    const strike = events('Russian missiles hit the centre of Kharkiv on Monday, killing four people, the mayor said.')
      .find((x) => x.event_type === 'Explosions/Remote violence');
    expect(strike?.actor1?.side).toBe('RUS');
    expect(strike?.actor2?.side).toBe('CIV');
    expect((strike?.rules ?? []).some((r) => r.endsWith('+settlement'))).toBe(true);
  });
  it('gives a quotation over several paragraphs to the speaker who closes it, and reads "enemy" from that speaker', () => {
    const text = 'Fighting went on along the front of Nagorno-Karabakh on Monday.\n\n'
      + '"Overnight our units repelled several attacks.\n\n'
      + 'In the morning, artillery fire destroyed two enemy tanks near Fuzuli.\n\n'
      + 'Combat is continuing," the Azerbaijani defence ministry said on Monday.';
    const e = events(text).find((x) => x.evidence.some((ev) => ev.text.includes('enemy tanks')));
    expect(e?.claims.map((c) => c.claimant?.side)).toContain('AZE');
    expect(e?.actor1?.side).toBe('AZE');
    expect(e?.actor2?.side).toBe('ARM');
  });
  it('gives a claim-only paragraph to the last violent event before it', () => {
    const text = 'Armenian troops shelled Azerbaijani positions near Tovuz on Monday, the Armenian defence ministry said.\n\n'
      + 'The Azerbaijani defence ministry denied that any of its soldiers had been hurt.';
    const e = events(text).find((x) => x.event_type === 'Explosions/Remote violence');
    expect(e?.claims.map((c) => c.claimant?.side)).toEqual(expect.arrayContaining(['ARM', 'AZE']));
  });
  it('reads a passive claim "was claimed by X" and no claim from the noun "claims"', () => {
    const e = events('Gunmen attacked a police post in Khyber district on Thursday, killing three constables. '
      + 'The attack was claimed by the Tehreek-i-Taliban Pakistan (TTP).')
      .find((x) => x.event_type !== 'Strategic developments');
    expect(e?.claims.map((c) => c.claimant?.side)).toContain('TTP');
    const [n] = events("Azerbaijani forces shelled Armenian positions near Sotk on Monday despite Armenia's territorial claims on the area.");
    expect(n?.claims.map((c) => c.claimant?.side)).not.toContain('ARM');
  });
  it('reads "positions were subjected to fire" as a passive: the positions were hit, nobody named fired', () => {
    const [e] = events('The positions of the Azerbaijan Army in the Kalbajar region were periodically subjected to fire on March 11, the Defence Ministry of Azerbaijan said.');
    expect(e?.actor2?.side).toBe('AZE');
    expect(e?.actor1?.side).not.toBe('AZE');
    expect(e?.background).toBe(false);
  });
  it('does not take an actor inside a relative clause closed before the verb as its subject', () => {
    const [e] = events('On March 10, members of illegal Armenian armed detachments in the territory of Azerbaijan, where the Russian peacekeeping contingent is temporarily deployed, using small arms subjected to fire the Azerbaijan Army positions in the Khojaly direction, the ministry said.');
    expect(e?.actor1?.side).toBe('ARM');
    expect(e?.actor2?.side).toBe('AZE');
  });
  it("reads a witness's quoted words that name no day or place as one more mention of the event told", () => {
    const text = 'Military jets struck the village of Pazigyi in Sagaing region on Monday, killing 11 people, residents said.\n\n'
      + '"There was no fighting here, but they came to bomb us," one villager said.';
    const evs = events(text);
    expect(evs.length).toBe(1);
    expect(evs[0]!.mentions?.some((m) => m.trigger.text.includes('bomb'))).toBe(true);
  });
  it("keeps an official's quotation that reports an event of its own", () => {
    const text = 'A drone struck an oil depot in Krasnodar region on Thursday, the governor said.\n\n'
      + '"A second drone crashed into the refinery in Tuapse and exploded," the head of the district said.';
    expect(events(text).length).toBe(2);
  });
  it('reads who repelled an attack as the attacked side and the attack\'s by-agent as the attacker', () => {
    const [e] = events('Nigerian troops on Sunday repelled an attack by ISWAP fighters on a military base in Marte, Borno State, killing 12 of the insurgents, the army said.');
    expect(e?.actor1?.side).toBe('ISWAP');
    expect(e?.actor2?.side).toBe('NGA');
  });
  it('never makes the defender of a thwarted attack its attacker, also with no attacker named', () => {
    const [e] = events('Malian soldiers thwarted an assault on their camp near Boni in central Mali on Friday, the army said.');
    expect(e?.actor1?.side).not.toBe('MLI');
    expect(e?.actor2?.side).toBe('MLI');
  });
  it('splits a toll told for another settlement into an event there (one event per place)', () => {
    const text = 'Russian missile strikes on the Kharkiv region overnight killed at least eight people, officials said.\n\n'
      + 'Six people were killed by the strikes in Kharkiv city while two others were killed in the town of Chuhuiv, the governor said.';
    const evs = events(text);
    const chuhuiv = evs.find((e) => /Chuhuiv/.test(e.location?.name ?? ''));
    expect(chuhuiv).toBeDefined();
    expect(chuhuiv!.fatalities).toBe(2);
    expect(chuhuiv!.actor1?.side).toBe('RUS');
    expect(evs.some((e) => e !== chuhuiv && /Kharkiv/.test(e.location?.name ?? ''))).toBe(true);
  });
  it("gives an attack with no attacker named the attacker of every other attack of its kind in the article", () => {
    const text = 'RSF drones struck the airport in Port Sudan on Sunday, the army said.\n\n'
      + 'RSF drones also hit a fuel depot in Kosti, officials said.\n\n'
      + 'Further drone strikes were reported in Atbara on Sunday night.';
    const atbara = events(text).find((e) => /Atbara/.test(e.location?.name ?? ''));
    expect(atbara?.actor1?.side).toBe('RSF');
    expect(atbara?.rules).toContain('roles/article-agent');
  });
  it('leaves the attacker unknown when the article tells attacks by both sides', () => {
    const text = 'Armenian forces fired missiles at the city of Mingachevir on Sunday, Baku said.\n\n'
      + 'Azerbaijani drones struck Stepanakert on Sunday, Yerevan said.\n\n'
      + 'The town of Martuni was hit by rockets on Sunday night, residents said.';
    const martuni = events(text).find((e) => /Martuni/.test(e.location?.name ?? ''));
    expect(martuni).toBeDefined();
    expect(martuni!.rules).not.toContain('roles/article-agent');
  });
  it('makes a toll told in a sentence of its own at another village an event there', () => {
    const text = "Azerbaijani President Ilham Aliyev said on Saturday the country's army took control of the town of Fizuli after heavy fighting.\n\n"
      + 'The Armenian Defence Ministry said a soldier was wounded in a provocation by the Azerbaijani side near Khtsaberd on Sunday.';
    const evs = events(text);
    const there = evs.find((e) => /Khtsaberd/.test(e.location?.name ?? ''));
    expect(there?.injured).toBe(1);
    expect(evs.find((e) => /Fuzuli|Fizuli/.test(e.location?.name ?? ''))?.injured ?? null).toBeNull();
  });
  it('reads a present-progressive battle with no day of its own as a state of war, not news; a dated one stays', () => {
    const all = (text: string) => allEvents(text, '2024-10-12');
    const state = all('Israeli forces are battling Palestinian militants in the central Gaza Strip and pushing for the evacuation of the north.');
    expect(state.length).toBeGreaterThan(0);
    expect(state.every((e) => e.background)).toBe(true);
    const news = all('On Saturday Israeli forces are battling Palestinian militants in Jabalia, the army said.');
    expect(news.some((e) => !e.background)).toBe(true);
  });
  it('reads the present of "continue" with no day of its own as a campaign going on; "continued" on a day stays news', () => {
    const all = (text: string) => allEvents(text, '2024-06-14');
    const going = all("The rebels' military wing continues missile and drone attacks on ships in the Red Sea.");
    expect(going.every((e) => e.background)).toBe(true);
    const news = all('Russian forces continued to shell Kharkiv on Thursday, killing two people, the governor said.');
    expect(news.some((e) => !e.background)).toBe(true);
  });
  it('reads "X came under Armenian fire" from the noun: the subject is the target, the adjective the attacker', () => {
    const all = (text: string) => allEvents(text, '2021-11-16');
    const [e] = all('The Azerbaijani army positions have come under Armenian fire near Tovuz, the Defence Ministry reported on November 16.');
    expect(e?.actor1?.side).toBe('ARM');
    expect(e?.actor2?.side).toBe('AZE');
  });
  it('reads protests that a cause "has sparked" as a development, not a happening of a day', () => {
    const all = (text: string) => allEvents(text, '2024-05-10');
    expect(all('The border delimitation has sparked angry protests against the prime minister in Armenia.').filter((e) => !e.background)).toHaveLength(0);
    expect(all('Thousands protested against the prime minister in Yerevan on Thursday.').filter((e) => !e.background).length).toBeGreaterThan(0);
  });
  it('codes a merchant vessel hit by missiles as a civilian target', () => {
    const all = (text: string) => allEvents(text, '2024-02-06');
    const [e] = all('Houthi rebels fired two missiles at a cargo ship off Hodeidah on Tuesday, the maritime agency said.');
    expect(e?.actor2?.side).toBe('CIV');
    // (at sea, where no country's civilians are known, too)
    const [sea] = all('Houthi rebels fired two missiles at a cargo ship in the Red Sea on Tuesday, the maritime agency said.');
    expect(sea?.actor2?.side).toBe('CIV');
  });
  it('reads through a quoted name in an apposition to the subject (\'also known as "Shene"\')', () => {
    const all = (text: string) => allEvents(text, '2021-10-14');
    const [e] = all('Fighters of the Oromo Liberation Army, also known as "Shene", have killed 15 civilians in Oromia, state media said on Thursday.');
    expect(e?.actor1?.side).toBe('OLA');
  });
  it('reads a restrictive relative clause in the perfect progressive as a state of affairs, not news', () => {
    const all = (text: string) => allEvents(text, null);
    const got = all('Activists took up arms after the coup in 2021 and allied with ethnic insurgent groups that have been battling the army in the border regions for decades.');
    expect(got.filter((e) => e.event_type === 'Battles').every((e) => e.background)).toBe(true);
  });
  it('reads "carried out the strike" after the strike is told as a mention of it, and "announced in a statement" as speech', () => {
    const text = 'An Israeli drone strike killed a Hezbollah commander in Nabatieh on Tuesday, Lebanese state media said.\n\n'
      + 'Hezbollah announced in a statement that the commander had been killed.\n\n'
      + 'The Israeli army later acknowledged carrying out the strike, describing him as a senior figure.';
    const evs = events(text);
    expect(evs.filter((e) => e.event_type !== 'Strategic developments').length).toBe(1);
    expect(evs.some((e) => e.sub_event_type === 'Agreement')).toBe(false);
    expect(evs[0]!.mentions?.some((m) => m.sentence.text.includes('carrying out the strike'))).toBe(true);
  });
  it('does not read a surname after an initial as a place ("G. Ghukasyan" is no village)', () => {
    const [e] = events('The police were alerted on Tuesday that farmer G. Ghukasyan had come under fire from Azerbaijani positions while working in his vineyard.');
    expect(e).toBeDefined();
    expect(e!.location?.source_text ?? null).not.toBe('Ghukasyan');
  });
  it('takes "the adversary" as an armed party that arms its firing verb', () => {
    const evs = events("Armenia's Defence Ministry said that on March 8 the adversary fired shots at a tractor working in a field near Voskevan.");
    expect(evs.length).toBe(1);
    expect(evs[0]!.actor1?.side).toBe('AZE');
  });
  it('codes beheadings and machete killings as violence against civilians', () => {
    const [a] = events('Islamist militants beheaded at least 20 people in a village in Cabo Delgado province on Saturday, police said.');
    expect(a?.event_type).toBe('Violence against civilians');
    const [b] = events('Five people were hacked to death by gunmen in a village in Plateau State on Sunday, officials said.');
    expect(b?.event_type).toBe('Violence against civilians');
  });
  it('reads a country after "in southwest" as the place, not as an actor', () => {
    const [e] = events('Seventeen Nigerien soldiers were killed in an ambush by jihadists in southwest Niger, not far from the Mali border, the army said on Tuesday.');
    expect(e?.location?.country).toBe('NER');
  });
});

