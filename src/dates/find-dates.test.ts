import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, type DateMention } from './find-dates.js';

/** The one mention whose text is `expr` (fails the test when absent or ambiguous). */
function mention(sentence: string, expr: string, reference: string | null): DateMention {
  const found = findDates(sentence, reference).filter((m) => m.text === expr);
  expect(found.map((m) => m.text), `"${expr}" in "${sentence}" → ${JSON.stringify(findDates(sentence, reference))}`).toEqual([expr]);
  return found[0] as DateMention;
}

type Row = readonly [sentence: string, expr: string, date: string, dateEnd: string | null, precision: DateMention['precision']];

// The expressions of stack-notes §1 (seed articles), in sentences of our own, with the
// reference (publication) dates given there.
const SEED_EXPRESSIONS: Readonly<Record<string, readonly Row[]>> = {
  '2020-12-12': [
    ['The ministry announced it on Saturday.', 'Saturday', '2020-12-12', null, 'day'],
    ['On December 11, monitors recorded a violation.', 'December 11', '2020-12-11', null, 'day'],
    ['Martial law was lifted since midnight on Saturday.', 'midnight on Saturday', '2020-12-12', null, 'day'],
    ['The two leaders met last year.', 'last year', '2019-01-01', '2019-12-31', 'year'],
    ['Fighting broke out in late September.', 'late September', '2020-09-21', '2020-09-30', 'day'],
    ['The truce was signed on November 10 in Moscow.', 'November 10', '2020-11-10', null, 'day'],
    ['The escalation began on September 27.', 'September 27', '2020-09-27', null, 'day'],
    ['It continues a dispute that began in the 1980s.', 'the 1980s', '1980-01-01', '1989-12-31', 'decade'],
    ['In 1994, a truce was signed.', '1994', '1994-01-01', '1994-12-31', 'year'],
    ['Since 1992, talks have gone on.', '1992', '1992-01-01', '1992-12-31', 'year'],
    ['It was the worst since the four-day war of 2016.', '2016', '2016-01-01', '2016-12-31', 'year'],
    ['On the night of November 10, the leaders signed.', 'night of November 10', '2020-11-10', null, 'day'],
    ['As of November 14, 2,317 deaths were known.', 'November 14', '2020-11-14', null, 'day'],
    ['Baku imposed martial law on September 28 after the escalation.', 'September 28', '2020-09-28', null, 'day'],
    ['The parties have disagreed since February 1988.', 'February 1988', '1988-02-01', '1988-02-29', 'month'],
    ['During the war in 1992-1994, villages changed hands.', '1992-1994', '1992-01-01', '1994-12-31', 'year'],
    ['On December 12, the army resumed its offensive.', 'December 12', '2020-12-12', null, 'day'],
    ['On September 27, 2020, a war broke out.', 'September 27, 2020', '2020-09-27', null, 'day'],
    ['In 1991, the region declared independence.', '1991', '1991-01-01', '1991-12-31', 'year'],
    ['The hostilities lasted until 1994.', '1994', '1994-01-01', '1994-12-31', 'year'],
    ['On December 11, parliament cancelled martial law.', 'December 11', '2020-12-11', null, 'day'],
    ['Talks have been held since 1992 in Minsk.', '1992', '1992-01-01', '1992-12-31', 'year'],
  ],
  '2020-12-13': [
    ['UPDATED 2 (13.12.2020): sources now say otherwise.', '13.12.2020', '2020-12-13', null, 'day'],
    ['Six soldiers were hurt in the December 12 clashes.', 'December 12', '2020-12-12', null, 'day'],
    ['He said that yesterday some attacks took place.', 'yesterday', '2020-12-12', null, 'day'],
    ['Two days ago, at the parade, he spoke.', 'Two days ago', '2020-12-11', null, 'day'],
    ['They agreed a ceasefire just a month ago.', 'a month ago', '2020-11-01', '2020-11-30', 'month'],
    ['It is the first violation since November 10, when the deal took effect.', 'November 10', '2020-11-10', null, 'day'],
  ],
  '2022-08-03': [
    ['Update (1348 EST): the ministry issued a statement.', '1348 EST', '2022-08-03', null, 'day'],
    ['Clashes have continued since the 2020 Nagorno Karabakh war.', '2020', '2020-01-01', '2020-12-31', 'year'],
    ['On November 10, 2020, an agreement took effect.', 'November 10, 2020', '2020-11-10', null, 'day'],
  ],
  '2020-09-27': [
    ['The separatists have held the area since 1994.', '1994', '1994-01-01', '1994-12-31', 'year'],
    ['They announced Sunday morning that the town was shelled.', 'Sunday morning', '2020-09-27', null, 'day'],
    ['The picture was released on Sunday by the ministry.', 'Sunday', '2020-09-27', null, 'day'],
    ['The Soviet Union collapsed in 1991.', '1991', '1991-01-01', '1991-12-31', 'year'],
    ['The last attempt broke down in 2010.', '2010', '2010-01-01', '2010-12-31', 'year'],
  ],
};

describe('findDates: seed expressions (stack-notes §1)', () => {
  for (const [reference, rows] of Object.entries(SEED_EXPRESSIONS)) {
    for (const [sentence, expr, date, dateEnd, precision] of rows) {
      it(`${expr} (${reference})`, () => {
        const m = mention(sentence, expr, reference);
        expect({ date: m.date, dateEnd: m.dateEnd, precision: m.precision }).toEqual({ date, dateEnd, precision });
      });
    }
  }

  it('marks relative expressions and written years', () => {
    expect(mention('He said that yesterday some attacks took place.', 'yesterday', '2020-12-13')).toMatchObject({ relative: true, yearGiven: false });
    expect(mention('The two leaders met last year.', 'last year', '2020-12-12')).toMatchObject({ relative: true, yearGiven: false });
    expect(mention('On December 11, monitors recorded a violation.', 'December 11', '2020-12-12')).toMatchObject({ relative: false, yearGiven: false });
    expect(mention('On September 27, 2020, a war broke out.', 'September 27, 2020', '2020-12-12')).toMatchObject({ relative: false, yearGiven: true });
  });

  it('keeps clock times', () => {
    expect(mention('Update (1348 EST): the ministry issued a statement.', '1348 EST', '2022-08-03').time).toBe('13:48');
    expect(mention('Martial law was lifted since midnight on Saturday.', 'midnight on Saturday', '2020-12-12').time).toBe('00:00');
    expect(mention('Shelling began at 3 p.m. on Friday.', '3 p.m. on Friday', '2020-12-12')).toMatchObject({ date: '2020-12-11', time: '15:00' });
  });
});

describe('findDates: not dates', () => {
  const negatives = [
    'Armenia beat Azerbaijan 2-0 in the qualifier.',
    'Read more: 24/7 – All about the conflict',
    'According to the deal, 1960 Russian peacekeepers are deployed.',
    'A contingent of 1960 Russian peacekeepers arrived.',
    'It ended the hostilities of the 44 day war.',
    'Before this, a six-year war had claimed 30,000 lives.',
    'These are the toughest battles in several years.',
    'They marked the 30th anniversary of independence.',
    'A few hours later, the presidency declared mobilization.',
    'Now more than ever, we need independent journalism.',
    'They fired 120 shells at 2 positions.',
    'Azerbaijan may attack again; protesters will march to the parliament.',
    'The Sun reported the news first.',
    'Casualties over the past 30 years exceed 30,000.',
    'In the last year, readership has doubled.',
  ];
  for (const sentence of negatives) {
    it(sentence, () => {
      expect(findDates(sentence, '2020-12-12')).toEqual([]);
    });
  }
});

describe('findDates: ranges', () => {
  const ref = '2020-12-12';
  it.each([
    ['Clashes were reported between 10 and 12 December.', '2020-12-10', '2020-12-12'],
    ['Clashes were reported from 10 to 12 December 2020.', '2020-12-10', '2020-12-12'],
    ['The war lasted from 27 September to 10 November.', '2020-09-27', '2020-11-10'],
    ['The war lasted between September 27 and November 10.', '2020-09-27', '2020-11-10'],
    ['The first war lasted from 1992 to 1994.', '1992-01-01', '1994-12-31'],
    ['The 1992–94 war displaced many.', '1992-01-01', '1994-12-31'],
    ['It happened in mid-October.', '2020-10-11', '2020-10-20'],
    ['It happened at the end of November.', '2020-11-21', '2020-11-30'],
    ['Tensions grew in early 2020.', '2020-01-01', '2020-04-30'],
    ['Tensions grew in the summer of 2019.', '2019-06-01', '2019-08-31'],
    ['It started in the late 1980s.', '1986-01-01', '1989-12-31'],
  ])('%s', (sentence, date, dateEnd) => {
    const found = findDates(sentence, ref);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ date, dateEnd });
  });

  it('rolls a year-less range over the new year', () => {
    const [m] = findDates('Shelling went on from 28 December to 3 January.', '2021-01-10');
    expect(m).toMatchObject({ date: '2020-12-28', dateEnd: '2021-01-03' });
  });

  it('gives weeks and months a first and last day', () => {
    expect(mention('Fighting resumed last week.', 'last week', ref)).toMatchObject({ date: '2020-11-30', dateEnd: '2020-12-06', precision: 'week', relative: true });
    expect(mention('It rained earlier this month.', 'earlier this month', ref)).toMatchObject({ date: '2020-12-01', dateEnd: '2020-12-31', precision: 'month', relative: true });
    expect(mention('They met in November last year.', 'November last year', ref)).toMatchObject({ date: '2019-11-01', dateEnd: '2019-11-30', precision: 'month' });
  });
});

describe('findDates: year-less dates and weekdays', () => {
  it('puts a year-less date on or before the reference', () => {
    expect(mention('It happened on December 20.', 'December 20', '2020-12-12').date).toBe('2019-12-20');
    expect(mention('It happened on November 10.', 'November 10', '2021-02-01').date).toBe('2020-11-10');
    // a few days ahead is the coming date, not a year back
    expect(mention('Talks are set for December 14.', 'December 14', '2020-12-12').date).toBe('2020-12-14');
  });

  it('biases bare weekdays to the past, unless a future cue precedes them', () => {
    expect(mention('Talks resumed on Monday.', 'Monday', '2020-12-12').date).toBe('2020-12-07');
    expect(mention('Talks will resume on Monday.', 'Monday', '2020-12-12').date).toBe('2020-12-14');
    expect(mention('Talks resumed on Saturday.', 'Saturday', '2020-12-12').date).toBe('2020-12-12');
    expect(mention('Talks resume next Monday.', 'next Monday', '2020-12-12').date).toBe('2020-12-14');
    // "this Friday" in a report of what happened is the Friday just gone
    expect(mention('Thirteen people were killed this Friday.', 'this Friday', '2025-06-28').date).toBe('2025-06-27');
    expect(mention('Talks will resume this Friday.', 'this Friday', '2025-06-28').date).toBe('2025-07-04');
  });

  it('reads "last/this/next <Month>" from the reference', () => {
    expect(mention('They met last November.', 'last November', '2020-11-15')).toMatchObject({ date: '2019-11-01', relative: true });
    expect(mention('They met last November.', 'last November', '2020-12-12')).toMatchObject({ date: '2020-11-01', relative: true });
    expect(mention('The vote is due this September.', 'this September', '2020-06-01').date).toBe('2020-09-01');
    expect(mention('They met last November.', 'last November', null).date).toBeNull();
  });

  it('resolves year-less dates forwards after a future cue', () => {
    expect(mention('Elections will be held on March 6.', 'March 6', '2020-12-12').date).toBe('2021-03-06');
    expect(mention('Elections were held on March 6.', 'March 6', '2020-12-12').date).toBe('2020-03-06');
  });

  it('accepts a date-time as reference', () => {
    expect(mention('He spoke yesterday.', 'yesterday', '2020-12-13T08:30:00Z').date).toBe('2020-12-12');
  });
});

describe('findDates: without a reference', () => {
  it('leaves relative expressions unresolved', () => {
    for (const sentence of ['The army attacked on Saturday.', 'He spoke yesterday.', 'They met last year.', 'It began two days ago.']) {
      const found = findDates(sentence, null);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ date: null, dateEnd: null, relative: true });
    }
  });

  it('takes the year of the nearest preceding explicit year, else null', () => {
    const text = 'On December 12, clashes resumed. The war began on September 27, 2020. On November 10, a deal was signed. In 1994 a truce held; on May 12 it was signed.';
    const byText = new Map(findDates(text, null).map((m) => [m.text, m.date]));
    expect(byText.get('December 12')).toBeNull();
    expect(byText.get('September 27, 2020')).toBe('2020-09-27');
    expect(byText.get('November 10')).toBe('2020-11-10');
    expect(byText.get('May 12')).toBe('1994-05-12');
  });
});

describe('findDates: properties', () => {
  const pieces = fc.constantFrom(
    'on', 'Saturday', 'December', '12', '2020', 'in', 'late', 'September', 'the', '1980s', 'between', 'and', '10', 'to',
    '1992-1994', '24/7', '13.12.2020', 'yesterday', 'ago', 'two', 'days', 'last', 'week', 'night', 'of', 'at', '1348', 'EST',
    '3', 'p.m.', ',', '.', '(', ')', '–', '\n', 'mid-', 'summer', '1960', 'peacekeepers', 'May', 'march', 'since',
  );
  const texts = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join(' ')));
  const references = fc.constantFrom(null, '2020-12-12', '2022-08-03', '2021-01-01', 'not a date');

  it('never throws; spans slice to their text; dates are ordered and well-formed', () => {
    fc.assert(
      fc.property(texts, references, (text, reference) => {
        for (const m of findDates(text, reference)) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeLessThan(m.end);
          if (m.date !== null) expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (m.date !== null && m.dateEnd !== null) expect(m.dateEnd >= m.date).toBe(true);
          if (m.dateEnd !== null) expect(m.date).not.toBeNull();
          if (m.time !== undefined) expect(m.time).toMatch(/^\d{2}:\d{2}$/);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });
});

describe('date cues (sentences chrono is run on)', () => {
  // Each sentence holds its date only in a form the cue must still recognise: capitals, lower
  // case next to a number, clock times in capitals, curly apostrophes.
  it.each([
    ['KYIV, MARCH 5 (Reuters) - Shelling resumed.', /MARCH 5/],
    ['The talks resumed on march 5 in Moscow.', /march 5/],
    ['The drone struck at 5 AM near the border.', /5 AM/],
    ['The drone struck at 10 P.M. near the border.', /10 P\.M/],
    ['It was a dispute of the ’90s.', /’90s/],
    ['Shelling began at 5 o’clock.', /5 o’clock/],
  ])('finds the date in %s', (sentence, expr) => {
    const texts = findDates(sentence, '2022-03-06').map((m) => m.text);
    expect(texts.some((t) => expr.test(t)), JSON.stringify(texts)).toBe(true);
  });

  it('does not parse sentences whose only number is a count', () => {
    expect(findDates('6 soldiers were wounded and 12 houses destroyed.', '2022-03-06')).toEqual([]);
  });
});

describe('findDates: counts and paragraphs', () => {
  it('does not read a count after "Month Day," as a two-digit year', () => {
    const [m] = findDates('On October 17, 13 people died in the strike.', '2023-11-02');
    expect(m).toMatchObject({ text: 'October 17', date: '2023-10-17', yearGiven: false });
  });
  it('without a reference, a written year carries over only within its paragraph', () => {
    const text = 'The first war ended in May 1994.\n\nTroops shelled the town on September 12. Two days of calm followed on September 14, 2020 and September 15.';
    const got = findDates(text, null).map((m) => [m.text, m.date]);
    expect(got).toEqual([
      ['May 1994', '1994-05-01'],
      ['September 12', null],
      ['September 14, 2020', '2020-09-14'],
      ['September 15', '2020-09-15'],
    ]);
  });
  it('reads "late March 13" as that day, not as the end of the month at 13:00', () => {
    const got = findDates('Positions came under fire starting from late March 13 - early March 14, the ministry said; more fire came in late March 2020.', '2023-03-14').map((m) => [m.text, m.date, m.dateEnd ?? null]);
    expect(got).toEqual([
      ['late March 13', '2023-03-13', null],
      ['early March 14', '2023-03-14', null],
      ['late March 2020', '2020-03-21', '2020-03-31'],
    ]);
  });
});

