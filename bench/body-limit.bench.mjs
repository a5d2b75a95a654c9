#!/usr/bin/env node
// A chunked request body far over the limit (issue #16): `sitrep serve` must refuse it with 413
// without holding it, its memory rising < 50 MB. Needs `npm run build`; Linux (/proc) for memory.
// Usage: node bench/body-limit.bench.mjs [MEGABYTES=1024]
import { postChunked } from './lib/chunked-post.mjs';
import { startServeProcess } from './lib/serve-process.mjs';

const MB = Number(process.argv[2] ?? 1024);
const server = await startServeProcess();
try {
  // Warm up the routes (the first request loads modules), then measure from there.
  await fetch(`${server.url}/api/health`);
  const before = server.memory();
  const res = await postChunked(`${server.url}/api/articles`, MB);
  await new Promise((r) => setTimeout(r, 500));
  const after = server.memory();
  const health = await fetch(`${server.url}/api/health`);
  console.log(`POST ${MB} MB chunked: ${res.status} after ${res.ms.toFixed(0)} ms (${res.sentMB.toFixed(0)} MB sent before the answer)`);
  if (before && after) {
    console.log(`server RSS: ${before.rssMB.toFixed(0)} MB before, ${after.rssMB.toFixed(0)} MB after; peak ${before.peakMB.toFixed(0)} → ${after.peakMB.toFixed(0)} MB (rise ${(after.peakMB - before.rssMB).toFixed(1)} MB)`);
  }
  console.log(`GET /api/health afterwards: ${health.status}`);
} finally {
  await server.stop();
}
