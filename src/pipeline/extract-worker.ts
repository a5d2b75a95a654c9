/**
 * Entry point of an extraction thread (see `thread-extractor.ts`): builds the extraction context
 * once, then answers each `{ id, raw, sign }` message with `{ id, result, bodySignature }` (or
 * `{ id, error }` when `processArticle` itself failed, which it does not for bad articles). The
 * body's MinHash signature, when `sign` asks for it, is work the storing thread's resolver would
 * otherwise do.
 */
import { parentPort } from 'node:worker_threads';
import { createExtractContext } from '../extract/create-extract-context.js';
import type { RawArticle } from '../model/article.js';
import { bodySignature } from '../resolve/near-duplicate-grouper.js';
import { processArticle } from './process-article.js';

export interface ExtractRequest {
  readonly id: number;
  readonly raw: RawArticle;
  /** Compute the body signature too. */
  readonly sign: boolean;
}

export type ExtractReply =
  | { readonly id: number; readonly result: unknown; readonly bodySignature: Uint32Array | null }
  | { readonly id: number; readonly error: string };

if (parentPort !== null) {
  const port = parentPort;
  const ctx = createExtractContext();
  port.on('message', ({ id, raw, sign }: ExtractRequest) => {
    let reply: ExtractReply;
    try {
      const result = processArticle(raw, ctx);
      reply = { id, result, bodySignature: sign ? bodySignature(result.article.text) : null };
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ExtractReply);
      return;
    }
    port.postMessage(reply, reply.bodySignature === null ? [] : [reply.bodySignature.buffer as ArrayBuffer]);
  });
}
