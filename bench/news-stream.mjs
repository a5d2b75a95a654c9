// A realistic news stream for the stream benchmark (bench/stream.bench.mjs): articles made from
// templates with the structure of real conflict coverage, deterministic for a given seed.
// - several theatres (Ukraine, Karabakh, Gaza, Sudan, Myanmar, Lebanon), each with a dozen
//   districts hit again and again (a few districts most of the time: Zipf weights);
// - every day, a handful of events per theatre (shelling, air strikes, clashes);
// - 1-30 reports per event (most events a few, some many) from different outlets, in different
//   wordings; about a third are syndicated near-copies of the wire story (another headline, an
//   inserted line), counted as one source;
// - follow-up reports one to five days later with a revised toll;
// - a background paragraph on most articles (history of the war: old, dated events).
// Articles come in publication order (a day's articles shuffled); `perDay` sets the density, so
// the stream spans `articles / perDay` days whatever its length.

/** mulberry32: small deterministic pseudo-random numbers. */
export function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const words = (n) => (n <= 10 ? NUMBERS[n] : String(n));
const dayName = (iso) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];
const longDate = (iso) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const shortDate = (iso) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
export const shiftDay = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Theatres: districts (gazetteer names), who strikes whom, how events are told, and background.
 * `kinds`: sentence templates per event kind; {place}, {date}, {toll} are filled in.
 */
const THEATRES = [
  {
    name: 'ukraine',
    weight: 3,
    districts: ['Kharkiv', 'Kherson', 'Bakhmut', 'Avdiivka', 'Zaporizhzhia', 'Sumy', 'Mykolaiv', 'Kramatorsk', 'Pokrovsk', 'Nikopol', 'Odesa', 'Chasiv Yar'],
    kinds: [
      { kind: 'shelling', say: ['Russian forces shelled {place} on {date}, killing {toll}, the regional governor said.', 'Russian artillery pounded {place} on {date}, killing {toll}, local officials said.', '{Toll} were killed when Russian troops shelled {place} on {date}, Ukrainian officials said.'] },
      { kind: 'drone', say: ['A Russian drone strike hit {place} on {date}, killing {toll}, the regional administration said.', 'Russian drones struck {place} on {date}, killing {toll}, officials said.'] },
      { kind: 'clash', say: ['Russian and Ukrainian troops clashed near {place} on {date}, the Ukrainian military said.', 'Ukrainian forces repelled a Russian assault near {place} on {date}, the general staff said.'] },
    ],
    background: ['Russia launched its full-scale invasion of Ukraine on 24 February 2022.', 'Russian forces captured Bakhmut in May 2023 after months of fighting.', 'Ukraine recaptured Kherson in November 2022.'],
  },
  {
    name: 'karabakh',
    weight: 1,
    districts: ['Tartar', 'Stepanakert', 'Martuni', 'Hadrut', 'Shusha', 'Fizuli', 'Aghdam', 'Barda', 'Ganja', 'Askeran'],
    kinds: [
      { kind: 'shelling', say: ['Armenian forces shelled {place} on {date}, killing {toll}, Azerbaijan\'s defence ministry said.', 'Azerbaijani forces shelled {place} on {date}, killing {toll}, Armenian officials said.'] },
      { kind: 'clash', say: ['Armenian and Azerbaijani troops clashed near {place} on {date}, the defence ministry said.'] },
    ],
    background: ['Fighting broke out in Nagorno-Karabakh in late September 2020, continuing the long-running conflict that erupted in the 1980s.', 'A Russian-brokered ceasefire ended the 2020 war on 10 November 2020.'],
  },
  {
    name: 'gaza',
    weight: 2,
    districts: ['Khan Younis', 'Rafah', 'Jabalia', 'Deir al-Balah', 'Gaza City', 'Nuseirat', 'Beit Lahia', 'Beit Hanoun'],
    kinds: [
      { kind: 'air', say: ['An Israeli airstrike hit a house in {place} on {date}, killing {toll}, health officials said.', 'Israeli warplanes struck {place} on {date}, killing {toll}, medics said.', '{Toll} were killed in an Israeli air strike on {place} on {date}, the health ministry said.'] },
      { kind: 'shelling', say: ['Israeli tanks shelled {place} on {date}, killing {toll}, residents said.'] },
    ],
    background: ['The war began on 7 October 2023 when Hamas attacked southern Israel.', 'Israeli troops entered Rafah in May 2024.'],
  },
  {
    name: 'sudan',
    weight: 2,
    districts: ['El Fasher', 'Omdurman', 'Khartoum', 'Nyala', 'El Obeid', 'Wad Madani', 'Kadugli', 'El Geneina'],
    kinds: [
      { kind: 'clash', say: ['The Sudanese army and RSF fighters clashed in {place} on {date}, killing {toll}, witnesses said.', 'Fighting between the army and the Rapid Support Forces in {place} on {date} killed {toll}, activists said.'] },
      { kind: 'shelling', say: ['RSF fighters shelled {place} on {date}, killing {toll}, a local resistance committee said.'] },
    ],
    background: ['The war between the army and the Rapid Support Forces broke out on 15 April 2023.'],
  },
  {
    name: 'myanmar',
    weight: 1,
    districts: ['Lashio', 'Myawaddy', 'Sittwe', 'Hpakant', 'Laukkai', 'Kyaukphyu', 'Mogok'],
    kinds: [
      { kind: 'air', say: ['Myanmar\'s military carried out an air strike on {place} on {date}, killing {toll}, residents said.'] },
      { kind: 'clash', say: ['Resistance fighters and junta troops clashed in {place} on {date}, killing {toll}, local media reported.'] },
    ],
    background: ['The military seized power in a coup on 1 February 2021.'],
  },
  {
    name: 'lebanon',
    weight: 1,
    districts: ['Nabatieh', 'Tyre', 'Bint Jbeil', 'Marjayoun', 'Khiam', 'Baalbek'],
    kinds: [
      { kind: 'drone', say: ['An Israeli drone strike hit a car in {place} on {date}, killing {toll}, Lebanese state media said.'] },
      { kind: 'air', say: ['Israeli jets struck {place} on {date}, killing {toll}, the health ministry said.'] },
    ],
    background: ['Hezbollah began firing rockets at Israel on 8 October 2023.'],
  },
];

const WIRES = ['Wire A', 'Wire B', 'Wire C'];
const OUTLETS = Array.from({ length: 60 }, (_, i) => `Outlet ${String(i + 1).padStart(2, '0')}`);
const HEADLINES = ['{Kind} in {place} kills {n}', '{n} dead after {kind} in {place}', 'Deadly {kind} hits {place}', '{place}: {kind} leaves {n} dead'];
const KIND_WORD = { shelling: 'shelling', drone: 'drone strike', clash: 'fighting', air: 'air strike' };
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const toll = (n) => (n === 0 ? 'no one' : n === 1 ? 'one person' : `${words(n)} people`);

/** A number of reports for one event: 1-30, most events a few. */
function reportCount(rand) {
  return 1 + Math.floor(29 * rand() ** 3);
}

/** Zipf-like pick: index i with weight 1/(i+1). */
function zipf(rand, n) {
  const total = Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < n; i++) {
    x -= 1 / (i + 1);
    if (x <= 0) return i;
  }
  return n - 1;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? values[k.toLowerCase()] ?? '');
}

/**
 * Yields `articles` raw articles ({ id, title, text, outlet, published }) in publication order.
 * Options: perDay (articles a day, default 200), start (first day, default 2024-09-01: after every date of the background paragraphs, which tell the history of each war), seed.
 */
export function* newsStream({ articles, perDay = 200, start = '2024-09-01', seed = 7 }) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const pending = new Map(); // day index -> articles to publish that day
  const later = (day, a) => {
    const list = pending.get(day);
    if (list) list.push(a);
    else pending.set(day, [a]);
  };
  const totalWeight = THEATRES.reduce((a, t) => a + t.weight, 0);
  let emitted = 0;
  let serial = 0;
  for (let day = 0; emitted < articles; day++) {
    const date = shiftDay(start, day);
    // Events of the day until the day's articles (with the follow-ups due) reach the density.
    let planned = (pending.get(day) ?? []).length;
    while (planned < perDay) {
      let x = rand() * totalWeight;
      const theatre = THEATRES.find((t) => (x -= t.weight) <= 0) ?? THEATRES[0];
      const place = theatre.districts[zipf(rand, theatre.districts.length)];
      const kind = pick(theatre.kinds);
      const dead = kind.kind === 'clash' && rand() < 0.3 ? 0 : 1 + Math.floor(12 * rand() ** 2);
      const n = reportCount(rand);
      const eventNo = serial++;
      const wire = pick(WIRES);
      const wireSay = pick(kind.say);
      const background = pick(theatre.background);
      const wireText = (tollNow) => [`${place.toUpperCase()} (${wire}) - ${cap(fill(wireSay, { place, date: longDate(date), toll: toll(tollNow), Toll: cap(toll(tollNow)) }))}`, 'Emergency services were working at the scene, the statement said.', background].join('\n\n');
      const headline = (h, tollNow) => fill(h, { Kind: cap(KIND_WORD[kind.kind]), kind: KIND_WORD[kind.kind], place, n: String(tollNow) });
      const outlets = [...OUTLETS].sort(() => rand() - 0.5).slice(0, n);
      for (let r = 0; r < n; r++) {
        const publishedDay = day + (rand() < 0.3 ? 1 : 0);
        const id = `s${eventNo}-r${r}`;
        let a;
        if (r === 0) a = { id, title: headline(HEADLINES[0], dead), text: wireText(dead), outlet: wire };
        else if (rand() < 0.35) {
          // Syndicated copy of the wire story: another headline, a line inserted.
          const [lead, ...rest] = wireText(dead).split('\n\n');
          a = { id, title: headline(pick(HEADLINES), dead), text: [lead, 'ADVERTISEMENT', ...rest, `Read more at ${outlets[r]}.`].join('\n\n'), outlet: outlets[r] };
        } else {
          // An independent report: its own wording; the date as a weekday when published the next day.
          const said = pick(kind.say);
          const when = publishedDay > day && rand() < 0.5 ? dayName(date) : longDate(date);
          const reported = rand() < 0.1 ? dead + 1 : dead; // sources disagree now and then
          const lead = cap(fill(said, { place, date: when, toll: toll(reported), Toll: cap(toll(reported)) }));
          a = { id, title: headline(pick(HEADLINES), reported), text: [lead, rand() < 0.7 ? pick(theatre.background) : 'The claims could not be independently verified.'].join('\n\n'), outlet: outlets[r] };
        }
        later(publishedDay, { ...a, published: shiftDay(start, publishedDay) });
        if (publishedDay === day) planned++;
      }
      // Follow-ups days later: the toll revised.
      if (dead > 0 && rand() < 0.3) {
        const followups = 1 + Math.floor(rand() * 3);
        for (let f = 0; f < followups; f++) {
          const after = 1 + Math.floor(rand() * 5);
          const revised = dead + 1 + Math.floor(rand() * 5);
          const text = [`The death toll from the ${KIND_WORD[kind.kind]} in ${place} on ${shortDate(date)} rose to ${words(revised)}, officials said on ${dayName(shiftDay(date, after))}.`, background].join('\n\n');
          later(day + after, { id: `s${eventNo}-f${f}`, title: `${place} toll rises to ${revised}`, text, outlet: pick(OUTLETS), published: shiftDay(start, day + after) });
        }
      }
    }
    const today = pending.get(day) ?? [];
    pending.delete(day);
    // Shuffled within the day (articles do not arrive grouped by event).
    for (let i = today.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [today[i], today[j]] = [today[j], today[i]];
    }
    for (const a of today) {
      if (emitted >= articles) return;
      emitted++;
      yield a;
    }
  }
}

/**
 * The seed re-publication stream: the seed articles re-published one a day, in turn, with new
 * ids, their publication dates moved forward by the day and the dates in their text ("December
 * 11", "27 September 2020") moved with them: the same happenings in the same places every few
 * days, as a user trying Sitrep on the seeds would make.
 */
export function* seedRepublication(seeds, articles = 600) {
  const month = MONTHS.join('|');
  const re = new RegExp(`\\b(?:(${month}) (\\d{1,2})|(\\d{1,2}) (${month}))(,? (\\d{4}))?\\b`, 'g');
  for (let i = 0; i < articles; i++) {
    const s = seeds[i % seeds.length];
    const published = s.published.slice(0, 10);
    const move = (text) => text.replace(re, (all, m1, d1, d2, m2, yearPart, year) => {
      const m = MONTHS.indexOf(m1 ?? m2) + 1;
      const d = Number(d1 ?? d2);
      if (d < 1 || d > 31) return all;
      const y = year ? Number(year) : Number(published.slice(0, 4)) - (`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` > published.slice(5) ? 1 : 0);
      const iso = shiftDay(`${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`, i + Math.max(0, d - 28));
      const name = MONTHS[Number(iso.slice(5, 7)) - 1];
      const day = Number(iso.slice(8, 10));
      const core = m1 ? `${name} ${day}` : `${day} ${name}`;
      return year ? `${core}${yearPart.startsWith(',') ? ',' : ''} ${iso.slice(0, 4)}` : core;
    });
    yield { ...s, id: `${s.id}-r${i}`, title: move(s.title), text: move(s.text), published: shiftDay(published, i) };
  }
}

/** One happening told `articles` times: a feed of copies with distinct ids (and rotating outlets). */
export function* oneHappening(articles = 10_000) {
  const text = 'KHARKIV (Wire A) - Russian forces shelled Kharkiv on 3 March 2023, killing four civilians and injuring 12, the regional governor said.\n\nRussia launched its full-scale invasion of Ukraine on 24 February 2022.';
  for (let i = 0; i < articles; i++) yield { id: `copy-${i}`, title: 'Russian shelling kills four in Kharkiv', text, outlet: OUTLETS[i % OUTLETS.length], published: '2023-03-04' };
}
