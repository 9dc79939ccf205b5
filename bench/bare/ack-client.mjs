/**
 * The load client of the ack race: another process, so that the servers' event loops are measured,
 * not this one's. Reads a JSON array of requests ({url, headers, body}) on stdin, sends them all at
 * once over fresh connections (no keep-alive), and prints a JSON array of [status, ms] per request.
 */
import { request } from 'node:http';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const jobs = JSON.parse(input);
const one = (job) =>
  new Promise((resolve) => {
    const started = performance.now();
    const req = request(job.url, { method: 'POST', headers: job.headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve([res.statusCode ?? 0, performance.now() - started]));
    });
    req.on('error', () => resolve([0, performance.now() - started]));
    req.end(job.body);
  });
console.log(JSON.stringify(await Promise.all(jobs.map(one))));
