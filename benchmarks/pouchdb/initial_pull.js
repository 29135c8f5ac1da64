// CouchDB-style replication as the baseline for our initial pull: an express-pouchdb
// server on loopback holding the same worker documents, and a fresh leveldb client
// replicating all of them, once per batch size, in the same run.
//
//   node benchmarks/pouchdb/initial_pull.js docs.jsonl [100,500,1000]
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const express = require('express');
const PouchDB = require('pouchdb');

function folderSize(folder) {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderSize(full) : fs.statSync(full).size;
  }
  return total;
}

async function load(db, file) {
  const lines = readline.createInterface({ input: fs.createReadStream(file) });
  let batch = [];
  let count = 0;
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line));
    if (batch.length === 1000) {
      await db.bulkDocs(batch);
      count += batch.length;
      batch = [];
    }
  }
  if (batch.length) {
    await db.bulkDocs(batch);
    count += batch.length;
  }
  return count;
}

async function main() {
  const file = process.argv[2];
  const sizes = (process.argv[3] || '100,500,1000').split(',').map(Number);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pouch-bench-'));
  const ServerPouch = PouchDB.defaults({ prefix: path.join(work, 'server') + path.sep });
  fs.mkdirSync(path.join(work, 'server'));
  const app = express();
  app.use('/', require('express-pouchdb')(ServerPouch, { mode: 'minimumForPouchDB' }));
  const listener = await new Promise((resolve) => {
    const l = app.listen(0, '127.0.0.1', () => resolve(l));
  });
  const url = `http://127.0.0.1:${listener.address().port}/workers`;
  const source = new ServerPouch('workers');
  let started = Date.now();
  const count = await load(source, file);
  console.log(`set-up: ${count} documents into the server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const size of sizes) {
    const folder = path.join(work, `client-${size}`);
    const local = new PouchDB(folder);
    started = Date.now();
    const cpu = process.cpuUsage();
    const result = await PouchDB.replicate(url, local, { batch_size: size, batches_limit: 10 });
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const info = await local.info();
    await local.close();
    console.log(
      `pouchdb replicate batch_size ${size}: ${info.doc_count} docs in ${seconds.toFixed(1)} s ` +
        `(${Math.round(info.doc_count / seconds)} docs/s), client leveldb ` +
        `${(folderSize(folder) / 2 ** 20).toFixed(0)} MiB, written ${result.docs_written}; ` +
        `node CPU (server and client, one process) ${((used.user + used.system) / 1e6).toFixed(1)} s`
    );
  }
  listener.close();
  await source.close();
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
