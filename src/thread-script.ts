/**
 * Where a worker thread's script is: the compiled `.js` beside the calling module when running
 * the build; when running from sources (the tests), the build's copy of it under `dist/`
 * (`npm run build` makes it; `npm ci` runs the build). Worker threads cannot run `.ts` on Node 20.
 *
 * @param callerUrl `import.meta.url` of the module under `src/` or `dist/`
 * @param script the script's path from `src/` (or `dist/`), e.g. `pipeline/extract-worker.js`
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);

export function threadScriptUrl(callerUrl: string, script: string): URL {
  const name = script.slice(script.lastIndexOf('/') + 1);
  const beside = new URL(`./${name}`, callerUrl);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL(`dist/${script}`, root);
}
