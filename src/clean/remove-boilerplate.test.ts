import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block } from './block.js';
import { defaultBoilerplateRules, loadBoilerplateRules } from './boilerplate-rules.js';
import { removeBoilerplate } from './remove-boilerplate.js';

const body = (text: string): Block => ({ text, hint: null });
const P1 = 'The ministry said on Monday that two villages had been shelled overnight and that repair crews were on their way.';
const P2 = 'Officials in the regional capital said schools would stay closed for the rest of the week as a precaution.';

function kept(texts: string[], title: string | null = null): string[] {
  return removeBoilerplate(texts.map(body), title).blocks.map((b) => b.text);
}

describe('removeBoilerplate: general rules (made-up examples from many kinds of sites)', () => {
  it.each([
    'Advertisement', '- Advertisement -', '[ad_3]', 'Story continues below advertisement', '- Sponsor -spot_img',
    'Subscribe to our newsletter', 'Sign up for our daily briefing', 'Get the latest headlines in your inbox with our newsletter',
    'Join our Telegram channel for updates', 'Follow us on Twitter', 'Follow @ExampleNews for breaking news',
    'Support ExampleNews', 'Donate now!', 'Download our free app for the latest news',
    'Read more: Another headline about something else', 'READ ALSO: Earlier report on the talks', 'Most read: Army says it struck a weapons site in the valley', 'See also: Timeline of the conflict',
    'Continue reading', 'View more', 'Click here to see the gallery', 'Click to enlarge the image',
    'Photo: Example Agency', '(AP Photo/Jane Doe)', '© Getty Images', 'Reuters',
    'Please enter a valid email address', 'Leave a Reply', 'Your email address will not be published.', '12 Comments', '5 min read',
    'Share this:', 'Facebook Twitter WhatsApp Telegram', 'Share on Facebook',
    'Skip to main content', 'Back to top', 'We use cookies to give you the best experience on our website.', 'Accept all cookies',
    '© 2021 Example Media Group. All rights reserved.', 'Tags: Armenia, Azerbaijan, ceasefire', '#Karabakh #Lachin #peace',
    'Got a tip? Send us your story', 'Contact: newsroom@example.org',
  ])('drops %j', (line) => {
    expect(kept([P1, line, P2])).toEqual([P1, P2]);
  });

  it.each([
    'Support for the ceasefire grew on Monday, diplomats said.',
    'The army said it would follow up with an investigation.',
    'Reuters reported that the talks had stalled.',
    'The photo, released by the ministry, shows a damaged tank.',
    'Subscribers to the agency received the statement first, the spokesman said.',
    'More than 200 people were evacuated from the village.',
    'Share prices in Baku fell sharply after the announcement.',
    'Read the statement in full below:',
    'Related talks are planned for next month in Geneva.',
  ])('keeps the article sentence %j', (line) => {
    expect(kept([P1, line, P2])).toEqual([P1, line, P2]);
  });

  it('cuts a bare "Read next:" and the headlines under it, not only the label', () => {
    expect(kept([P1, P2, 'Read next:', 'Israeli strike on Rafah house kills family of six, medics say', "Ukraine's drones hit oil depot in Russia's Bryansk region"])).toEqual([P1, P2]);
  });
  it('cuts a "Related coverage" list with its bulleted headlines', () => {
    expect(kept([P1, P2, 'Related coverage', '· Explainer: Why the town matters', '· Live: Residents flee as shelling intensifies'])).toEqual([P1, P2]);
  });
  it('cuts a teaser list after its header, through to the end', () => {
    const teasers = ['Related stories', 'Minister resigns after vote', 'A short blurb of another story that was cut off...', 'Floods hit the coast'];
    expect(kept([P1, P2, ...teasers])).toEqual([P1, P2]);
  });

  it('stops a teaser list at the next real paragraph (a box inside the article)', () => {
    expect(kept([P1, 'You may also like', 'Minister resigns after vote', 'Floods hit the coast', P2])).toEqual([P1, P2]);
  });

  it('cuts a donation appeal only when article text came before it', () => {
    const appeal = ['Dear readers, our reporting depends on you.', 'A second appeal paragraph asking you to give what you can.'];
    expect(kept([P1, P2, ...appeal])).toEqual([P1, P2]);
    expect(kept([...appeal, P1])).toEqual([appeal[1], P1]);
  });

  it('removes the trailing run of author bios and appeals, and only at the end', () => {
    const bio = 'Jane Doe is a freelance journalist based in the region. Follow her on social media.';
    const appeal = 'Your monthly donations help us keep our journalism free for everyone.';
    expect(kept([P1, P2, bio, appeal])).toEqual([P1, P2]);
    expect(kept([P1, bio, P2])).toEqual([P1, bio, P2]);
  });

  it('drops a tag cloud but not a sentence with one hashtag', () => {
    expect(kept([P1, 'defence newsAsian Defence NewsArmy NewsWorld news'])).toEqual([P1]);
    const hashtag = 'She shared the hashtag #StayHomeStaySafe and a link to the city website';
    expect(kept([P1, hashtag, P2])).toEqual([P1, hashtag, P2]);
  });

  it('strips a trailing photo credit and marks the paragraph as a caption', () => {
    const result = removeBoilerplate([body(P1), body('Soldiers at a checkpoint near the town. Photo: Example Ministry / Agency'), body(P2)], null);
    expect(result.blocks[1]).toEqual({ text: 'Soldiers at a checkpoint near the town.', hint: 'caption' });
    expect(result.removed).toEqual([{ rule: 'boilerplate/photo-credit-trailing', text: 'Photo: Example Ministry / Agency' }]);
    expect(kept(['The minister held up an image: a map of the new line.'])).toEqual(['The minister held up an image: a map of the new line.']);
  });

  it('removes the title repeated as the first block(s) only', () => {
    expect(kept(['Big News Title', 'big news title!', P1, 'Big News Title'], 'Big News Title')).toEqual([P1, 'Big News Title']);
  });

  it('records every removal with its rule', () => {
    const { removed } = removeBoilerplate([body('[ad_1]'), body(P1), body('view more')], null);
    expect(removed).toEqual([
      { rule: 'boilerplate/ad-marker', text: '[ad_1]' },
      { rule: 'boilerplate/more-link', text: 'view more' },
    ]);
  });
});

describe('boilerplate rule files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, rules: string): string => {
    const path = join(dir, name);
    writeFileSync(path, `version: 1\nheuristics:\n  tagCloud: { minJoins: 2, minJoinRatio: 0.15, maxLength: 400 }\n  truncateAfterChars: 200\nrules:\n${rules}`);
    return path;
  };

  it('loads the shipped file once', () => {
    expect(defaultBoilerplateRules()).toBe(defaultBoilerplateRules());
    expect(defaultBoilerplateRules().rules.length).toBeGreaterThan(20);
  });

  it('uses a custom file', () => {
    const rules = loadBoilerplateRules(write('custom.yml', '  - id: hello\n    action: drop\n    exact: [hello there]\n'));
    expect(removeBoilerplate([body('  Hello  THERE!'), body(P1)], null, rules).blocks.map((b) => b.text)).toEqual([P1]);
  });

  it.each([
    ['a bad pattern', '  - id: bad\n    action: drop\n    pattern: "(unclosed"\n', /rule "bad": bad pattern/],
    ['a duplicate id', '  - id: a\n    action: drop\n    exact: [x]\n  - id: a\n    action: drop\n    exact: [y]\n', /duplicate rule id "a"/],
    ['an unknown field', '  - id: a\n    action: drop\n    exact: [x]\n    colour: red\n', /invalid boilerplate rules at rules\.0/],
    ['a rule with nothing to match', '  - id: a\n    action: drop\n', /needs `exact` or `pattern`/],
    ['an unknown action', '  - id: a\n    action: explode\n    exact: [x]\n', /rules\.0\.action/],
  ])('rejects %s', (_, rules, message) => {
    expect(() => loadBoilerplateRules(write('bad.yml', rules))).toThrow(message);
  });
});
