/**
 * What markup says a block is, before the text rules classify it: `<h2>` → heading,
 * `<blockquote>` → quote, `<figcaption>` (or a stripped photo credit) → caption.
 */
export type BlockHint = 'heading' | 'quote' | 'caption' | null;

/**
 * One paragraph candidate on its way through cleaning: a single line of normalised text (no
 * line breaks, no leading or trailing spaces, never empty).
 */
export interface Block {
  readonly text: string;
  readonly hint: BlockHint;
}
