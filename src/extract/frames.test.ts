import { describe, expect, it } from 'vitest';
import { inflections, loadFrames } from './frames.js';
import { findFrameTriggers } from './match-frames.js';
import { triggerMentions } from './mentions.js';
import { refersBack, unrealReading } from './trigger-sense.js';
import type { Draft } from './drafts.js';
import { analyzeText } from '../nlp/analyze-text.js';

const frames = loadFrames();

/** The triggers of a one-sentence text as [frame id, trigger text]. */
function found(text: string): [string, string][] {
  return findFrameTriggers(text, analyzeText(text), frames, [{ start: 0, end: text.length }]).map((t) => [t.def.id, t.text]);
}

/** The sense verdict of the first trigger of a one-sentence text. */
function sense(text: string): string | null {
  const analysis = analyzeText(text);
  const hits = findFrameTriggers(text, analysis, frames, [{ start: 0, end: text.length }]);
  expect(hits.length).toBeGreaterThan(0);
  return unrealReading(hits[0]!, analysis.tokens, true);
}

describe('frames', () => {
  it('reads an -ing form between a noun and a noun as a modifier ("infantry fighting vehicles", "fighting force")', () => {
    expect(found('The army has lost four infantry fighting vehicles.').map(([id]) => id)).not.toContain('battle/fighting');
    expect(found("The Fourteenth Army, Britain's principal fighting force in the region, was disbanded.").map(([id]) => id)).not.toContain('battle/fighting');
    expect(found('Heavy fighting raged near the town on Monday.').map(([id]) => id)).toContain('battle/fighting');
  });
  it('reads "a barrage of gunfire" as fire, not shelling; an artillery barrage is shelling', () => {
    expect(found('The attackers launched a barrage of gunfire at the police post.').map(([id]) => id)).not.toContain('remote/shelling');
    expect(found('An artillery barrage hit the village overnight.').map(([id]) => id)).toContain('remote/shelling');
  });
  it('reads "launched a massive strike" as the strike, not as a ground offensive', () => {
    const ids = found('Russian forces launched a massive strike on the power grid of the city overnight.').map(([id]) => id);
    expect(ids).not.toContain('battle/offensive');
    expect(ids.some((id) => id.startsWith('remote/'))).toBe(true);
    expect(found('The rebels launched an offensive on the town.').map(([id]) => id)).toContain('battle/offensive');
  });
  it('reads the passive "was fired by/upon" as an attack, and not the progressive "is firing"', () => {
    expect(found('The position of the unit was intensively fired by armed groups overnight.').map(([id, t]) => `${id}:${t}`)).toContain('battle/attack:was intensively fired by');
    expect(found('The enemy is also firing at the villages.').map(([, t]) => t)).not.toContain('is also firing at');
  });
  it('reads a participle used as an adjective before a noun ("in liberated Kalbajar") as a state, not a capture', () => {
    expect(sense('Army positions in liberated Kalbajar came under fire overnight.')).toBe('sense/attributive');
    expect(found('Government troops liberated Kalbajar on Tuesday.').map(([id]) => id)).toContain('battle/territory');
  });
  it('keeps a gap inside its clause: not over a verb of speaking', () => {
    const got = found('The Ukrainian air force says air defences destroyed 23 of the 31 drones launched by Russia overnight.');
    expect(got.map(([id]) => id)).toContain('disrupted/shootdown');
    expect(got.map(([id]) => id)).not.toContain('remote/air');
  });
  it('inflects lemmas by the regular rules and the irregular table', () => {
    const irregular = new Map([['fight', ['fought']]]);
    expect(inflections('shell', irregular)).toEqual(expect.arrayContaining(['shell', 'shells', 'shelled', 'shelling']));
    expect(inflections('seize', irregular)).toEqual(expect.arrayContaining(['seized', 'seizing', 'seizes']));
    expect(inflections('fight', irregular)).toEqual(expect.arrayContaining(['fought', 'fighting']));
    expect(inflections('ambush', irregular)).toEqual(expect.arrayContaining(['ambushed', 'ambushes']));
  });

  it('loads every frame with an ACLED type and compiles every pattern', () => {
    expect(frames.triggers.length).toBeGreaterThan(100);
    expect(frames.kinds.get('remote/air')?.sub_event_type).toBe('Air/drone strike');
  });

  it('reads verbs and nouns of one frame from one lemma, whatever the inflection', () => {
    expect(found('Russian shelling of the city killed five people.')).toEqual([['remote/shelling', 'shelling']]);
    expect(found('Artillery units shelled the northern districts.')).toContainEqual(['remote/shelling', 'shelled']);
    expect(found('Israeli strikes on the camp left five dead.')).toEqual([['remote/air', 'strikes']]);
    expect(found('The cease-fire was violated twice overnight.')).toEqual([['battle/violation', 'cease-fire was violated']]);
  });

  it('reads light-verb and multiword constructions', () => {
    expect(found('Government troops opened heavy fire on the village.')).toEqual([['battle/attack', 'opened heavy fire']]);
    expect(found('The town came under mortar fire on Sunday.')).toEqual([['remote/shelling', 'came under mortar fire']]);
    expect(found('The two sides have agreed a ceasefire.')).toEqual([['strategic/agreement', 'agreed a ceasefire']]);
    expect(found('Police said the gunmen took control of the market.')).toContainEqual(['battle/territory', 'took control of']);
  });

  it('gives a generic attack the sub-type of the instrument named beside it', () => {
    const text = 'Rebels launched an assault on the base, using drones.';
    const hits = findFrameTriggers(text, analyzeText(text), frames, [{ start: 0, end: text.length }]);
    expect(hits.map((h) => h.def.id)).toEqual(['remote/air']);
    expect(hits[0]!.notes).toEqual(['extract/refine/aircraft']);
    expect(found('Gunmen attacked the convoy with an improvised explosive device.')).toEqual([['remote/explosive', 'Gunmen attacked']]);
    expect(found('The city was under intense bombardment.')).toEqual([['remote/shelling', 'was under intense bombardment']]);
    // "hit" is an event only with an instrument.
    expect(found('A missile hit the station.')).toEqual([['remote/shelling', 'missile hit']]);
    expect(found('The storm hit the coast.')).toEqual([]);
  });

  it('reads a generic strike by the instrument of its sentence or the platform named beside it', () => {
    // A strike noun that refers back to the rockets of its sentence is a rocket strike.
    expect(found('Grad rockets hit the town twice; both strikes wounded civilians.').map(([id]) => id)).toEqual(['remote/shelling', 'remote/shelling']);
    // A verb keeps its own arguments: the rockets do not say how the other side struck.
    expect(found('Rockets hit the town, while officials accused the army of striking a village.').map(([id]) => id)[1]).not.toBe('remote/shelling');
    expect(found('The army bombed a village from the air.')).toEqual([['remote/air', 'bombed']]);
    // Irregular fighters on the ground strike with no aircraft: an attack, not an air strike.
    expect(found('Gunmen struck the town before dawn.').map(([id]) => id)).toEqual(['battle/attack']);
    expect(found('Gunmen struck the town with mortars.').map(([id]) => id)).toEqual(['remote/shelling']);
    // An aircraft that undergoes the act is its target, not the platform of a strike.
    expect(found('Two aircraft were destroyed overnight.')).toEqual([]);
    expect(found('Drones hit the depot overnight.').map(([id]) => id)).toEqual(['remote/air']);
    expect(found('The militants were named; the speaker struck the remark from the record.').map(([id]) => id)).not.toContain('battle/attack');
  });

  it('reads figurative and non-armed senses as no event', () => {
    expect(found('The minister attacked the proposal in parliament.')).toEqual([]);
    expect(found('Dock workers went on strike.')).toEqual([]);
    expect(found('An attack helicopter landed at the airport.')).toEqual([]);
    expect(found('Riot police blocked the square.')).toEqual([]);
    expect(found('The charity is fighting poverty in the region.')).toEqual([]);
    expect(found('The company launched a fierce marketing offensive against its rivals.')).toEqual([]);
    expect(found('An earthquake struck the region overnight.')).toEqual([]);
    expect(found('Thousands marched to demand the release of detained activists.')).toEqual([['protest/peaceful', 'Thousands marched']]);
    expect(found('Police arrested twelve men in a dawn raid.')).toEqual([['strategic/arrest', 'arrested']]);
  });

  it('marks definite event nouns, which may refer back to an event already reported', () => {
    const text = 'The shelling killed two.';
    const [hit] = findFrameTriggers(text, analyzeText(text), frames, [{ start: 0, end: text.length }]);
    expect(hit?.definite).toBe(true);
    const earlier = { background: false, event_type: 'Explosions/Remote violence' } as Draft;
    expect(refersBack(hit!, false, [earlier])).toBe(true);
    expect(refersBack(hit!, true, [earlier])).toBe(false);
    expect(refersBack(hit!, false, [])).toBe(false);
    // "The attack" names any violent event already told (a hypernym); "the clashes" only battles.
    const attack = 'The attack was retaliation for the arrests.';
    const [a] = findFrameTriggers(attack, analyzeText(attack), frames, [{ start: 0, end: attack.length }]);
    expect(refersBack(a!, false, [earlier])).toBe(true);
    const clashes = 'The clashes lasted an hour.';
    const [c] = findFrameTriggers(clashes, analyzeText(clashes), frames, [{ start: 0, end: clashes.length }]);
    expect(refersBack(c!, false, [earlier])).toBe(false);
  });
});

describe('trigger senses', () => {
  it('keeps plain reports', () => {
    expect(sense('Russian forces shelled the town on Monday.')).toBeNull();
    expect(sense('No casualties were reported when artillery shelled the town.')).toBeNull();
  });

  it('reads an attempt in a scene-setting clause as part of the event it sets, a main-clause attempt as an event', () => {
    expect(sense('It was the second aircraft which tried to strike the positions of the army that day.')).toBe('sense/reference');
    expect(sense('Two soldiers died as the troops tried to storm the building.')).toBe('sense/reference');
    expect(sense('Under cover of artillery, enemy troops tried to storm an army post on the border.')).toBeNull();
  });

  it('drops negated triggers', () => {
    expect(sense('The army did not attack the village.')).toBe('sense/negated');
    expect(sense('No shelling was reported overnight.')).toBe('sense/negated');
    expect(sense('Officials said the missiles were not fired from the town.')).toBe('sense/negated');
  });

  it('drops possibilities, plans and conditions', () => {
    expect(sense('Troops could attack the town within days.')).toBe('sense/modal');
    expect(sense('Drones could strike the port, officials said.')).toBe('sense/modal');
    expect(sense('The rebels threatened to storm the city.')).toBe('sense/modal');
    expect(sense('They demanded that the troops withdraw from the area.')).toBe('sense/modal');
    expect(sense('If the rebels attack, the army will respond.')).toBe('sense/conditional');
    expect(sense('Officials warned of the threat of an offensive.')).toBe('sense/unreal');
    expect(sense('The ministry denied that its troops had shelled the village.')).toBe('sense/denied');
    expect(sense('The rebels deny attacking the convoy.')).toBe('sense/denied');
    expect(sense('Aid groups warned that fighting in the town would cut off supplies.')).toBe('sense/unreal');
    expect(sense('The region has faced repeated Ukrainian drone raids.')).toBe('sense/tally');
    expect(sense('The province has been under heavy fire this spring.')).toBe('sense/period');
    expect(sense('The strike came hours after the truce took effect.')).toBe('sense/reference');
    expect(sense('The raids followed a missile launched at the airport.')).toBe('sense/reference');
    expect(sense('A strike came down on the market on Monday.')).toBe(null);
    expect(sense('The clash occurred near a border village.')).toBe('sense/reference');
    expect(sense('The town was hit by a series of attacks.')).toBe('sense/tally');
    expect(sense('Officials have repeatedly blamed the rebels for shelling the town.')).toBe('sense/habitual');
    expect(sense('The ministry denied the report, saying troops shelled the village.')).toBe(null);
  });

  it('drops habits, exercises and retrospectives', () => {
    expect(sense('Skirmishes usually happen at dawn.')).toBe('sense/habitual');
    expect(sense('The group carried out over a hundred attacks last year.')).not.toBeNull();
    expect(sense('Rebels have stepped up attacks on army posts.')).toBe('sense/unreal');
    expect(sense('Tanks fired live rounds at targets during the drills.')).toBe('sense/exercise');
    expect(sense('The film follows the shelling of the city.')).toBe('sense/retrospective');
  });
});

describe('trigger mentions', () => {
  it('lists each trigger of an event once, with its sentence and rule', () => {
    const hit = { start: 4, end: 12, text: 'shelling', def: frames.kinds.get('remote/shelling')! };
    const d = { trigger: hit, sentence: { index: 3 } } as unknown as Draft;
    expect(triggerMentions([d, d])).toEqual([{ start: 4, end: 12, text: 'shelling', sentence: 3, rule: 'extract/remote/shelling' }]);
  });
});
