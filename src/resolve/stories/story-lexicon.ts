import { z } from 'zod';
import stopwordData from './lexicon/stopwords.json' with { type: 'json' };
import titleData from './lexicon/story-title.json' with { type: 'json' };

/** The story lexicon: stop words for TF-IDF and title phrases, validated once at load. */
export interface StoryLexicon {
  readonly stopwords: ReadonlySet<string>;
  /** Type → title label, in priority order (earlier wins ties). */
  readonly labels: ReadonlyMap<string, { readonly label: string; readonly rank: number }>;
  readonly fallbackLabel: string;
}

const Stopwords = z.object({ note: z.string(), words: z.array(z.string().regex(/^[a-z]+$/)) });
const Titles = z.object({
  note: z.string(),
  fallback: z.string().min(1),
  labels: z.array(z.object({ type: z.string().min(1), label: z.string().min(1) })).refine(
    (ls) => new Set(ls.map((l) => l.type)).size === ls.length,
    'story-title.json: duplicate type',
  ),
});

/** The lexicon in `lexicon/*.json`, parsed and checked when this module loads. */
export const storyLexicon: StoryLexicon = (() => {
  const stop = Stopwords.parse(stopwordData);
  const titles = Titles.parse(titleData);
  return {
    stopwords: new Set(stop.words),
    labels: new Map(titles.labels.map((l, rank) => [l.type, { label: l.label, rank }])),
    fallbackLabel: titles.fallback,
  };
})();
