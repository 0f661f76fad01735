// PouchDB's side of the comparison in tests/bench/pouchdb/compare: the same case documents that
// kep-desk files, replicated by PouchDB (leveldb) to a pouchdb-server on loopback and back.
// Usage: node replicate.js REMOTE_URL DOCS WORKDIR  → one JSON line on stdout.
'use strict';

const PouchDB = require('pouchdb-node');

const [remoteUrl, docsArg, workDir] = process.argv.slice(2);
const docCount = Number.parseInt(docsArg, 10);
if (!remoteUrl || !Number.isInteger(docCount) || docCount <= 0 || !workDir) {
  console.error('usage: node replicate.js REMOTE_URL DOCS WORKDIR');
  process.exit(2);
}

// Deterministic, so both sides of the comparison replicate the same bytes.
let state = 20261127;
function random(n) {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
}

// A synthetic ΑΦΜ: eight digits and the check digit of the Greek tax number.
function syntheticAfm() {
  const digits = Array.from({length: 8}, () => random(10));
  digits[0] = 1 + random(9);
  const sum = digits.reduce((acc, d, i) => acc + d * 2 ** (8 - i), 0);
  return digits.join('') + String((sum % 11) % 10);
}

const surnames = ['Παπαδοπούλου', 'Νικολαΐδης', 'Καραγιάννη', 'Σταματόπουλος', 'Ξενάκη'];
const givenNames = ['Ελένη', 'Γιώργος', 'Μαρία', 'Δημήτρης', 'Αικατερίνη'];

function caseDocument(i) {
  const id = `case-${String(i).padStart(8, '0')}`;
  return {
    _id: id,
    protocol_number: `0101/2026/${i + 1}`,
    procedure_id: String(900001 + random(44)),
    catalogue_version: '3',
    citizen: JSON.stringify({
      afm: syntheticAfm(),
      surname_el: surnames[random(surnames.length)],
      given_name_el: givenNames[random(givenNames.length)],
      phone: `69${String(10000000 + random(89999999))}`,
    }),
    evidence: JSON.stringify([
      {id: 1, state: 'provided'}, {id: 2, state: 'provided'}, {id: 3, state: 'to_obtain'},
    ]),
    fee_cents: '0',
    due_date: '2026-12-18',
    notes: '',
    filed_by: 'user-0101-clerk',
    status: 'submitted',
  };
}

async function timed(work) {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function main() {
  const remote = new PouchDB(`${remoteUrl}/kep_cases`);
  const source = new PouchDB(`${workDir}/source`);
  const docs = Array.from({length: docCount}, (_, i) => caseDocument(i));
  for (let i = 0; i < docs.length; i += 1000) await source.bulkDocs(docs.slice(i, i + 1000));

  const pushSeconds = await timed(() => source.replicate.to(remote, {batch_size: 500}));
  const target = new PouchDB(`${workDir}/target`);
  const pullSeconds = await timed(() => target.replicate.from(remote, {batch_size: 500}));
  const pulled = (await target.info()).doc_count;
  if (pulled !== docCount) throw new Error(`pulled ${pulled} documents of ${docCount}`);

  console.log(JSON.stringify({
    docs: docCount,
    push_docs_per_s: docCount / pushSeconds,
    pull_docs_per_s: docCount / pullSeconds,
  }));
  await Promise.all([source.destroy(), target.destroy(), remote.destroy()]);
}

main().catch((error) => {
  console.error(`replicate.js: ${error.message}`);
  process.exit(1);
});
