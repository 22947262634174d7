// The search peer: Kùzu's FTS and vector indexes on the data set a `search-check --export DIR` run wrote, measured the
// same way (top-10, p50 over the same queries, recall@10 against the exact answer our run computed).
//
//   npm install --prefix /tmp/kuzu kuzu@0.11.3          # prebuilt binary; fts and vector are statically linked
//   NODE_PATH=/tmp/kuzu/node_modules node tests/OmniGraph.Benchmarks/Search/kuzu-peer.js DIR [--threads 1]
//
// Kùzu's BM25 differs from ours in its analyzer and its length normalization, so the top-10 overlap with ours is
// reported, not required.
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require("kuzu");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: kuzu-peer.js DIR [--threads N]");
  process.exit(2);
}
const threadsAt = process.argv.indexOf("--threads");
const threads = threadsAt > 0 ? Number(process.argv[threadsAt + 1]) : 1;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const overlap = (a, b) => a.filter((x) => b.includes(x)).length / Math.max(1, b.length);

async function timed(action) {
  const start = process.hrtime.bigint();
  const result = await action();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

async function rows(conn, statement, params) {
  const result = params ? await conn.execute(await conn.prepare(statement), params) : await conn.query(statement);
  return result.getAll();
}

(async () => {
  const dbPath = path.join(dir, "kuzu-db");
  fs.rmSync(dbPath, { recursive: true, force: true });
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db, threads);
  console.log(`kuzu ${kuzu.VERSION ?? ""} peer on ${dir}, ${threads} thread(s)`);

  if (fs.existsSync(path.join(dir, "docs.csv"))) {
    await rows(conn, "CREATE NODE TABLE Doc(id INT64 PRIMARY KEY, text STRING)");
    const [load] = await timed(() => rows(conn, `COPY Doc FROM '${path.join(dir, "docs.csv")}' (header=true)`));
    const [build] = await timed(() => rows(conn, "CALL CREATE_FTS_INDEX('Doc', 'doc_fts', ['text'])"));
    console.log(`text: loaded in ${(load / 1000).toFixed(1)} s, FTS index built in ${(build / 1000).toFixed(1)} s`);
    const queries = JSON.parse(fs.readFileSync(path.join(dir, "text-queries.json"), "utf8"));
    const search = "CALL QUERY_FTS_INDEX('Doc', 'doc_fts', $q) RETURN node.id AS id, score ORDER BY score DESC, id LIMIT 10";
    for (const q of queries.slice(0, 5)) await rows(conn, search, { q: q.query });
    const times = [];
    let agree = 0;
    for (const q of queries) {
      const [ms, found] = await timed(() => rows(conn, search, { q: q.query }));
      times.push(ms);
      agree += overlap(found.map((r) => Number(r.id)), q.ours);
    }
    console.log(`kuzu bm25 top-10: p50 ${median(times).toFixed(3)} ms over ${queries.length} queries; top-10 overlap with ours ${(agree / queries.length).toFixed(3)}`);
  }

  if (fs.existsSync(path.join(dir, "vectors.npy"))) {
    const queries = JSON.parse(fs.readFileSync(path.join(dir, "vector-queries.json"), "utf8"));
    const dims = queries[0].vector.length;
    await rows(conn, `CREATE NODE TABLE Vec(id INT64 PRIMARY KEY, v FLOAT[${dims}])`);
    const [load] = await timed(() => rows(conn, `COPY Vec FROM ('${path.join(dir, "vector-ids.npy")}', '${path.join(dir, "vectors.npy")}') BY COLUMN`));
    const [build] = await timed(() => rows(conn, "CALL CREATE_VECTOR_INDEX('Vec', 'vec_idx', 'v', metric := 'l2')"));
    console.log(`vectors: loaded in ${(load / 1000).toFixed(1)} s, HNSW index built in ${(build / 1000).toFixed(1)} s`);
    const search = "CALL QUERY_VECTOR_INDEX('Vec', 'vec_idx', $q, 10) RETURN node.id AS id, distance ORDER BY distance";
    for (const q of queries.slice(0, 5)) await rows(conn, search, { q: q.vector });
    const times = [];
    let recall = 0;
    for (const q of queries) {
      const [ms, found] = await timed(() => rows(conn, search, { q: q.vector }));
      times.push(ms);
      recall += overlap(found.map((r) => Number(r.id)), q.exact);
    }
    console.log(`kuzu nearest top-10: p50 ${median(times).toFixed(3)} ms over ${queries.length} queries, recall@10 ${(recall / queries.length).toFixed(3)}`);
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
