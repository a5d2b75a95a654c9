import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it('recognises English from its stop words, with high confidence', () => {
    const guess = detectLanguage('The ministry said that the army had moved to the border and that the talks would resume on Monday in the capital.');
    expect(guess.language).toBe('en');
    expect(guess.confidence).toBeGreaterThan(0.8);
  });

  it('asks franc when English text has few stop words', () => {
    expect(detectLanguage('Azerbaijani forces shelled positions near Lachin overnight, wounding six soldiers, officials reported.').language).toBe('en');
  });

  it('gives a low confidence when franc can hardly tell (title-case headlines)', () => {
    // franc-min ranks French a hair above English here; the clean stage reads bodies, not titles.
    expect(detectLanguage('Azerbaijan Resumed Offensive Operations Near Disputed Villages, Defence Officials Report').confidence).toBeLessThan(0.75);
  });

  it.each([
    ['ru', 'Армия сообщила в воскресенье, что обстрел деревни продолжался всю ночь, пострадавших нет.'],
    ['fr', "L'armée a déclaré dimanche que les bombardements du village avaient duré toute la nuit, sans faire de blessés."],
    ['de', 'Die Armee teilte am Sonntag mit, dass der Beschuss des Dorfes die ganze Nacht andauerte und niemand verletzt wurde.'],
    ['hy', 'Բանակը կիրակի օրը հայտնեց, որ գյուղի գնդակոծությունը շարունակվել է ամբողջ գիշեր, տուժածներ չկան։'],
    ['ka', 'არმიამ კვირას განაცხადა, რომ სოფლის დაბომბვა მთელი ღამე გაგრძელდა.'],
    ['az', 'Ordu bazar günü bildirib ki, kəndin atəşə tutulması bütün gecə davam edib, xəsarət alan yoxdur.'],
  ])('recognises %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('says und for too little text', () => {
    expect(detectLanguage('Hello')).toEqual({ language: 'und', confidence: 0 });
    expect(detectLanguage('12 345 — 678')).toEqual({ language: 'und', confidence: 0 });
  });

  it('reads a short English news line as English, not as a language with similar trigrams', () => {
    expect(detectLanguage('Test\n\nAzerbaijani forces shelled Stepanakert on Monday, killing two civilians.').language).toBe('en');
    expect(detectLanguage('Azerbaijani forces shelled Stepanakert on Monday, killing two civilians.').language).toBe('en');
    expect(detectLanguage('Les forces azerbaïdjanaises ont bombardé Stepanakert lundi, tuant deux civils.').language).toBe('fr');
  });
});
