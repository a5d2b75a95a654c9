import { describe, expect, it } from 'vitest';
import { analyzeText } from '../nlp/analyze-text.js';
import { analyzeSentence } from './clauses.js';
import { speechFrames, triggerArguments } from './arguments.js';
import { roleLexicon } from './role-lexicon.js';

const lex = roleLexicon();

/** The clause analysis of `text` and the agent/patient phrases of the trigger word `trigger`. */
function read(text: string, trigger: string) {
  const syn = analyzeSentence(analyzeText(text).tokens);
  const at = text.indexOf(trigger);
  const args = triggerArguments(syn, at, at + trigger.length, lex);
  const words = (np: { start: number; end: number }) => text.slice(np.start, np.end);
  return {
    syn,
    args,
    agents: args.agents.map((a) => words(a.np)),
    patients: args.patients.map((a) => words(a.np)),
    rules: [...args.agents, ...args.patients].map((a) => a.rule),
    speech: speechFrames(syn, lex).map((f) => ({ verb: f.verb.lemma, speaker: f.speaker ? words(f.speaker) : null })),
  };
}

describe('voice', () => {
  it('reads be + -ing as active: the subject of "are shelling" acts', () => {
    const r = read('Rebel troops are shelling the northern suburbs.', 'shelling');
    expect(r.args.passive).toBe(false);
    expect(r.agents[0]).toBe('Rebel troops');
    expect(r.patients[0]).toBe('the northern suburbs');
    expect(r.rules).toContain('syntax/progressive-subject');
  });
  it('reads be + participle as passive, with the by-phrase as agent', () => {
    const r = read('The village was shelled overnight by government forces.', 'shelled');
    expect(r.args.passive).toBe(true);
    expect(r.patients[0]).toBe('The village');
    expect(r.agents[0]).toBe('government forces');
  });
  it('reads a passive without by-phrase as having no agent in the sentence', () => {
    const r = read('Two border posts were attacked on Tuesday.', 'attacked');
    expect(r.args.passive).toBe(true);
    expect(r.agents).toEqual([]);
    expect(r.patients[0]).toBe('Two border posts');
  });
  it('carries the passive over a coordinated participle', () => {
    const r = read('The six soldiers were surrounded and captured near the frontier.', 'captured');
    expect(r.args.passive).toBe(true);
    expect(r.patients[0]).toBe('The six soldiers');
  });
  it('reads a reduced participle: "shells fired by X hit Y"', () => {
    const r = read('Shells fired by the militia hit a school in the town.', 'hit');
    expect(r.agents[0]).toBe('the militia');
    expect(r.rules[0]).toBe('syntax/participle-by');
    expect(r.patients[0]).toBe('a school');
  });
});

describe('subjects and objects', () => {
  it('finds the subject through "of": "fighters of the group attacked"', () => {
    const r = read('On Monday, fighters of the armed group attacked army positions in the north.', 'attacked');
    expect(r.agents).toEqual(['fighters', 'the armed group']);
    expect(r.patients[0]).toBe('army positions');
  });
  it('shares the subject of coordinated verbs', () => {
    const r = read('The insurgents entered the town and seized the police station.', 'seized');
    expect(r.agents[0]).toBe('The insurgents');
    expect(r.patients[0]).toBe('the police station');
  });
  it('takes targets from "at"/"on" phrases after an instrument object', () => {
    const r = read('The navy fired missiles at the coastal radar.', 'fired');
    expect(r.agents[0]).toBe('The navy');
    expect(r.patients).toEqual(['missiles', 'the coastal radar']);
    expect(r.rules).toContain('syntax/pp-at');
  });
  it('stops the subject at the speech verb of reported speech: "X said Y attacked Z"', () => {
    const r = read('The ministry said rebel units attacked a checkpoint.', 'attacked');
    expect(r.agents[0]).toBe('rebel units');
    expect(r.speech).toEqual([{ verb: 'say', speaker: 'The ministry' }]);
  });
  it('reads a self-claim: the subject "it" stands inside the speech frame of its speaker', () => {
    const r = read('The movement said it had fired rockets at the base.', 'fired');
    expect(r.agents[0]).toBe('it');
    expect(r.speech[0]!.speaker).toBe('The movement');
  });
  it('finds the speaker of a trailing attribution', () => {
    const r = read('Troops captured the village, the defence ministry said.', 'captured');
    expect(r.agents[0]).toBe('Troops');
    expect(r.patients).toEqual(['the village']);
    expect(r.speech[0]).toEqual({ verb: 'say', speaker: 'the defence ministry' });
  });
});

describe('nominal triggers', () => {
  it('reads the genitive and the "of" phrase: "the army\'s shelling of the city"', () => {
    const r = read("The army's shelling of the city killed five.", 'shelling');
    expect(r.args.kind).toBe('nominal');
    expect(r.rules[0]).toBe('syntax/genitive');
    expect(r.patients).toEqual(['the city']);
  });
  it('puts a by-agent after the noun first: "heavy shelling by the militia"', () => {
    const r = read('The market came under heavy shelling by the militia.', 'shelling');
    expect(r.agents[0]).toBe('the militia');
    expect(r.patients).toEqual(['The market']);
    expect(r.rules).toContain('syntax/under-subject');
  });
  it('reads "under fire from X"', () => {
    const r = read('The convoy came under fire from rebel positions.', 'fire');
    expect(r.agents).toContain('rebel positions');
    expect(r.patients).toEqual(['The convoy']);
  });
  it('credits the subject of a light verb: "X launched an attack on Y"', () => {
    const r = read('The militants launched an attack on the garrison.', 'attack');
    expect(r.agents).toContain('The militants');
    expect(r.patients).toEqual(['the garrison']);
  });
  it('reads "X subjected Y to shelling"', () => {
    const r = read('The army subjected the camp to intense shelling.', 'shelling');
    expect(r.agents).toContain('The army');
    expect(r.patients[0]).toBe('the camp');
  });
  it('finds the subject of a clause opened by a subordinator: "since the rebels attacked"', () => {
    const r = read('Ten soldiers have been killed since the rebels attacked across the river.', 'attacked');
    expect(r.agents[0]).toBe('the rebels');
  });
  it('skips a participle modifier and its object: "troops searching a house killed"', () => {
    const r = read('Government troops searching a house killed two gunmen.', 'killed');
    expect(r.agents[0]).toBe('Government troops');
    expect(r.patients[0]).toBe('two gunmen');
  });
  it('skips an appositive participle clause: "the forces, breaking the truce, shelled"', () => {
    const r = read('The rebel forces, breaking the truce, shelled the village.', 'shelled');
    expect(r.agents[0]).toBe('The rebel forces');
  });
  it('ends a time phrase before a name: "In the afternoon Rebel units struck"', () => {
    const r = read('In the afternoon Ukrainian units struck the bridge.', 'struck');
    expect(r.agents[0]).toBe('Ukrainian units');
  });
  it('reads "Shortly after, X announced it had seized Y" as speech before its content, not a trailing attribution', () => {
    const r = read('Shortly after, the rebel alliance announced it had seized the radio building.', 'seized');
    expect(r.speech).toEqual([{ verb: 'announce', speaker: 'the rebel alliance' }]);
    const frame = speechFrames(r.syn, lex)[0]!;
    expect(frame.contentFirst).toBeGreaterThan(frame.verb.last);
  });
});
