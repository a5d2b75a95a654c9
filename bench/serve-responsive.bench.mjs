#!/usr/bin/env node
// Reads while an article is extracted (issue #16): `GET /api/health` is timed every 25 ms while
// `sitrep serve` ingests one large article (default 1 MB of real sentences on one line).
// Needs `npm run build`. Usage: node bench/serve-responsive.bench.mjs [KB=1024] [cold]
// (`cold`: the large POST is the server's first, so its extraction thread starts meanwhile).
import os from 'node:os';
import { healthDuringPost } from './lib/health-during-post.mjs';

const kb = Number(process.argv[2] ?? 1024);
const cold = process.argv[3] === 'cold';
const r = await healthDuringPost(kb, 25, !cold);
console.log(`POST ${kb} KB article${cold ? ' (the first)' : ''}: ${r.status} in ${(r.postMs / 1000).toFixed(1)} s; GET /api/health answered ${r.latencies.length} times meanwhile: max ${r.max.toFixed(0)} ms (${(r.maxAtMs / 1000).toFixed(1)} s into the POST), median ${r.median.toFixed(0)} ms; the bench's own event loop was late by up to ${r.benchLoopDelayMaxMs.toFixed(0)} ms; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
