/**
 * The web page in headless Chromium over a store filled from the seed corpus: the map shows the
 * events at the right places, the timeline brush filters, the dossier highlights the evidence, and
 * article text is never executed as HTML. Screenshots go to screenshots/ (git-ignored).
 * Skipped, with a message, when /usr/bin/chromium is absent (CI installs it: see .ci/run).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MergedEvent } from '../../src/store/records.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type Browser, HAS_CHROMIUM, launchChromium, type RunningServer, SCREENSHOTS, seedStore, startServer } from './harness.js';

if (!HAS_CHROMIUM) {
  console.warn('SKIPPED browser tests: /usr/bin/chromium is absent (apt-get install -y chromium)');
}

describe.skipIf(!HAS_CHROMIUM)('web page in Chromium over the seed store', () => {
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let events: MergedEvent[];
  const cspViolations: string[] = [];

  const renders = async (): Promise<number> => Number(await page.evaluate(() => document.body.dataset.renders ?? '0'));
  const afterRender = async (before: number): Promise<void> => {
    await page.waitForFunction((n) => Number(document.body.dataset.renders ?? '0') > n, before, { timeout: 10_000 });
  };

  beforeAll(async () => {
    store = await seedStore();
    events = await store.listEvents();
    server = await startServer({ store, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) external.push(r.url());
    });
    // Anything the page's Content-Security-Policy blocks is reported on the console.
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    const response = await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
    expect(external).toEqual([]);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    // Every test's page work ran under the strict Content-Security-Policy without a violation.
    expect(cspViolations).toEqual([]);
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('draws the base map and puts every located event at its place', async () => {
    expect(events.length).toBeGreaterThan(3);
    expect(await page.locator('#map path.land').count()).toBeGreaterThan(5);
    expect(await page.locator('#map path.land[data-name="Azerbaijan"]').count()).toBe(1);
    const markers = await page.evaluate(() =>
      [...document.querySelectorAll<SVGCircleElement>('#map circle.marker')].map((c) => {
        const lon = Number(c.dataset.lon);
        const lat = Number(c.dataset.lat);
        const [x, y] = (window as unknown as { sitrep: { map: { project(p: [number, number]): [number, number] } } }).sitrep.map.project([lon, lat]);
        return { lon, lat, count: Number(c.dataset.count), cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy')), x, y };
      }),
    );
    const located = events.filter((e) => e.location?.lat != null && e.location.lon != null);
    expect(markers.reduce((n, m) => n + m.count, 0)).toBe(located.length);
    for (const m of markers) {
      expect(Math.abs(m.cx - m.x)).toBeLessThan(1);
      expect(Math.abs(m.cy - m.y)).toBeLessThan(1);
      // Inside the drawn map, and in the theatre (Armenia/Azerbaijan).
      expect(m.cx).toBeGreaterThan(0);
      expect(m.cy).toBeGreaterThan(0);
      expect(m.lon).toBeGreaterThan(43);
      expect(m.lon).toBeLessThan(51);
    }
    // Every event sits in a marker within one cluster cell (0.2°) of its own coordinates.
    for (const e of located) {
      const near = markers.some((m) => Math.abs(m.lon - e.location!.lon!) <= 0.2 && Math.abs(m.lat - e.location!.lat!) <= 0.2);
      expect(near, `${e.id} at ${e.location!.name}`).toBe(true);
    }
    // The marker under Stepanakert is where d3 projects Stepanakert (39.82 N, 46.75 E).
    const step = located.find((e) => e.location!.name === 'Stepanakert');
    if (step) expect(markers.some((m) => Math.abs(m.lat - 39.82) < 0.2 && Math.abs(m.lon - 46.75) < 0.2)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'seed-map.png') });
  });

  it('brushes the timeline to a period and filters the map and the list', async () => {
    const box = (await page.locator('#timeline').boundingBox())!;
    const before = await renders();
    // The seed events are in 2020 and 2022: select the first tenth of the axis (autumn 2020).
    await page.mouse.move(box.x + 31, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 30 + (box.width - 40) * 0.15, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await afterRender(before);
    const range = await page.evaluate(() => (window as unknown as { sitrep: { state: { range: { from: string; to: string } | null } } }).sitrep.state.range);
    expect(range).not.toBeNull();
    expect(range!.from < range!.to).toBe(true);
    const inRange = events.filter((e) => e.date !== null && e.date >= range!.from && (e.date_end ?? e.date) <= range!.to);
    expect(inRange.length).toBeGreaterThan(0);
    expect(inRange.length).toBeLessThan(events.length);
    const listed = await page.locator('#event-list li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id));
    expect(new Set(listed)).toEqual(new Set(events.filter((e) => e.date !== null && (e.date_end ?? e.date) >= range!.from && e.date <= range!.to).map((e) => e.id)));
    const mapped = await page.evaluate(() => [...document.querySelectorAll<SVGCircleElement>('#map circle.marker')].reduce((n, c) => n + Number(c.dataset.count), 0));
    expect(mapped).toBe(listed.length);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'seed-brushed.png') });
    const cleared = await renders();
    await page.click('#range-clear');
    await afterRender(cleared);
    expect(await page.locator('#event-list li').count()).toBe(Math.min(50, events.length));
  });

  it('opens an event dossier with its claims and the evidence highlighted in the article text', async () => {
    const withClaims = events.find((e) => e.claims.length > 0) ?? events[0]!;
    await page.click(`#event-list li[data-id="${withClaims.id}"]`);
    await page.waitForSelector(`.dossier[data-event="${withClaims.id}"]`);
    const marks = await page.locator('.dossier mark.evidence').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    const evidence = withClaims.evidence.map((s) => s.text);
    expect(marks.some((m) => evidence.some((t) => t.includes(m) || m.includes(t)))).toBe(true);
    const articleText = await page.locator('.dossier .article-text').first().textContent();
    for (const m of marks) expect(articleText).toContain(m);
    expect(await page.locator('.dossier .report').count()).toBe(withClaims.reports.length);
    if (withClaims.claims.length > 0) expect(await page.locator('.dossier .claims li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'seed-dossier.png') });
  });

  it('filters by side and shows the ceasefire chart and stories tab', async () => {
    const before = await renders();
    await page.selectOption('#f-side', 'ARM');
    await afterRender(before);
    const expected = events.filter((e) => e.actor1?.side === 'ARM' || e.actor2?.side === 'ARM').length;
    expect(await page.locator('#event-list li').count()).toBe(Math.min(50, expected));
    await page.click('#tabs button[data-tab="ceasefire"]');
    expect(await page.locator('#tab-ceasefire.active').count()).toBe(1);
    await page.click('#tabs button[data-tab="stories"]');
    expect(await page.locator('#story-list li').count()).toBeGreaterThan(0);
    const reset = await renders();
    await page.click('#f-reset');
    await afterRender(reset);
  });

  it('dossiers print no "null", no article id as a source and no doubled quotes (#17 items 3, 10)', async () => {
    const articles = await store.listArticles();
    const ids = articles.map((a) => a.id);
    const withoutOutlet = new Set(articles.filter((a) => a.outlet === null).map((a) => a.id));
    // Every dossier of a ceasefire violation (the flag that printed "null" beside it) and every
    // event reported by an article without an outlet.
    const chosen = events.filter((e) => e.ceasefire_violation || e.reports.some((r) => withoutOutlet.has(r.article_id)));
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.some((e) => e.claims.length > 0 && e.reports.some((r) => withoutOutlet.has(r.article_id)))).toBe(true);
    for (const e of chosen) {
      await page.evaluate((eventId) => (window as unknown as { sitrep: { openDossier(id: string): Promise<void> } }).sitrep.openDossier(eventId), e.id);
      await page.waitForSelector(`.dossier[data-event="${e.id}"]`);
      const head = await page.evaluate(() => [...document.querySelector('.dossier')!.childNodes].filter((n) => !(n as Element).classList?.contains('report')).map((n) => n.textContent).join(' '));
      expect(head, e.id).not.toMatch(/null/);
      const sources = await page.locator('.dossier .claims li .meta').allTextContents();
      for (const line of sources) {
        expect(line).toMatch(/— source: \S/);
        for (const id of ids) expect(line, e.id).not.toContain(id);
      }
      for (const q of await page.locator('.dossier q').allTextContents()) expect(q, e.id).not.toMatch(/^["“”'‘’«]|["“”'‘’»]$/);
    }
  });

  it('the story filter chip shows the story title, not its id', async () => {
    // The seed store merges by identity (no stories): give one event a story.
    const e = events.find((x) => x.date !== null)!;
    const story = { id: 'st_chip_test', title: 'Offensive in southern Karabakh', first_date: e.date, last_date: e.date, places: [] };
    await store.replaceMergedEvents([e.id], [{ ...e, story_id: story.id }], { upsert: [story] });
    const chipText = async () => (await page.locator('#chips .chip').allTextContents()).join(' ');
    // From the dossier's story link.
    await page.evaluate((eventId) => (window as unknown as { sitrep: { openDossier(id: string): Promise<void> } }).sitrep.openDossier(eventId), e.id);
    await page.waitForSelector(`.dossier[data-event="${e.id}"] .story-link`);
    let before = await renders();
    await page.click('.dossier .story-link');
    await afterRender(before);
    expect(await chipText()).toContain(story.title);
    expect(await chipText()).not.toContain(story.id);
    // From the stories tab (listed when the page loads).
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
    await page.click('#tabs button[data-tab="stories"]');
    await page.waitForSelector(`#story-list li[data-id="${story.id}"]`);
    before = await renders();
    await page.click(`#story-list li[data-id="${story.id}"]`);
    await afterRender(before);
    expect(await chipText()).toContain(story.title);
    expect(await chipText()).not.toContain(story.id);
    before = await renders();
    await page.click('#f-reset');
    await afterRender(before);
  });

  it('works at 400 px wide: the map is visible beside no fixed 440 px pane, and nothing scrolls sideways', async () => {
    const narrow = await browser.newPage({ viewport: { width: 400, height: 800 } });
    try {
      await narrow.goto(`${server.url}/`);
      await narrow.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
      const layout = await narrow.evaluate(() => {
        const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
        return {
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          map: { width: box('#map').width, height: box('#map').height },
          pane: { width: box('#side-pane').width, height: box('#side-pane').height },
        };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.map.width).toBeGreaterThanOrEqual(380);
      expect(layout.map.height).toBeGreaterThanOrEqual(150);
      expect(layout.pane.width).toBeLessThanOrEqual(400);
      expect(layout.pane.height).toBeGreaterThan(100);
      expect(await narrow.locator('#map .marker').count()).toBeGreaterThan(0);
      await narrow.screenshot({ path: path.join(SCREENSHOTS, 'seed-400px.png') });
    } finally {
      await narrow.close();
    }
  });

  it('renders article text as text: markup in an article is not executed', async () => {
    const article = {
      id: 'own-xss',
      title: 'Shelling of Tartar',
      outlet: 'Own Test Wire',
      published: '2020-10-06',
      text: 'Shelling of Tartar\n\nArmenian artillery shelled the town of Tartar on Monday <img src=x onerror="document.body.dataset.pwned=1"> killing two civilians, Azerbaijani officials said.',
    };
    const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { articles: { merged_event_ids: string[] }[] };
    const id = body.articles[0]!.merged_event_ids[0]!;
    await page.evaluate((eventId) => (window as unknown as { sitrep: { openDossier(id: string): Promise<void> } }).sitrep.openDossier(eventId), id);
    await page.waitForSelector(`.dossier[data-event="${id}"]`);
    expect(await page.locator('.dossier .article-text').first().textContent()).toContain('<img src=x');
    expect(await page.locator('.dossier img').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned ?? null)).toBeNull();
  }, 60_000);
});
