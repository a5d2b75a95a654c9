// A POST whose body is sent with chunked transfer encoding and generated as it is sent (never
// held in memory): `megabytes` of JSON-looking bytes in 64 KB chunks.
import http from 'node:http';
import { Readable } from 'node:stream';

/**
 * Posts `megabytes` MB chunked to `url`; resolves with the status, the body of the answer, the
 * MB actually sent before the answer came, and the time taken. The upload stops at the answer.
 */
export function postChunked(url, megabytes, headers = {}) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const total = Math.round(megabytes * 16);
  let sent = 0;
  const body = new Readable({
    read() {
      if (sent >= total) return this.push(null);
      sent++;
      this.push(chunk);
    },
  });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        body.destroy();
        resolve({ status: res.statusCode, body: text, sentMB: sent / 16, ms: performance.now() - started });
      });
    });
    req.on('error', (error) => {
      // The server may close the connection after answering, while the upload goes on.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    body.pipe(req);
  });
}
