// Writes an Arrow IPC file (or stream) with the official JavaScript implementation: every type OmniGraph
// maps to Arrow, with nulls, field and schema metadata, a non-nullable column and two record batches.
// The .NET interop test reads it back and compares against the same values spelled out in C#.
// Usage: node write-arrow.mjs <path> [file|stream]
import { writeFileSync } from 'node:fs';
import {
  Binary, Bool, DateDay, Field, FixedSizeList, Float32, Float64, Int32, Int64, List, RecordBatch, Schema,
  Struct, Table, TimestampMillisecond, Uint32, Uint64, Utf8, makeData, tableToIPC, vectorFromArray,
} from 'apache-arrow';

const [, , path, format = 'file'] = process.argv;
if (!path) {
  console.error('usage: node write-arrow.mjs <path> [file|stream]');
  process.exit(2);
}

const MS_PER_DAY = 86400000;
const item = (type) => new Field('item', type, true);

const fields = [
  new Field('id', new Int64(), false),
  new Field('name', new Utf8(), true, new Map([['description', 'display name'], ['pii', 'no']])),
  new Field('blob', new Binary(), true),
  new Field('flag', new Bool(), true),
  new Field('i32', new Int32(), true),
  new Field('i64', new Int64(), true),
  new Field('u32', new Uint32(), true),
  new Field('u64', new Uint64(), true),
  new Field('f32', new Float32(), true),
  new Field('f64', new Float64(), true),
  new Field('day', new DateDay(), true),
  new Field('at', new TimestampMillisecond('UTC'), true),
  new Field('embedding', new FixedSizeList(3, item(new Float32())), true),
  new Field('scores', new List(item(new Int64())), true),
  new Field('tags', new List(item(new Utf8())), true),
];
const schema = new Schema(fields, new Map([['omnigraph.table', 'Person'], ['written-by', 'apache-arrow-js']]));

const batches = [
  {
    id: [1n, 2n, 3n, 4n, 5n],
    name: ['alpha', null, '', 'ünïcødé ✓ 日本', 'last'],
    blob: [Uint8Array.of(0x00, 0x01, 0xff), null, new Uint8Array(0), Uint8Array.of(0xde, 0xad), Uint8Array.of(0x42)],
    flag: [true, false, null, true, false],
    i32: [0, -2147483648, 2147483647, null, 42],
    i64: [0n, -9223372036854775808n, 9223372036854775807n, null, 1234567890123n],
    u32: [0, 4294967295, null, 7, 1],
    u64: [0n, 18446744073709551615n, null, 5n, 1n],
    f32: [0, -1.5, 3.25, null, 1e10],
    f64: [0, -1.5, Math.PI, null, 1e300],
    day: [0, -1, 19000, null, 1].map((d) => (d === null ? null : d * MS_PER_DAY)),
    at: [0, 1700000000123, -1, null, MS_PER_DAY],
    embedding: [[1, 2, 3], null, [0.5, -0.5, 0], [4, 5, 6], [7, 8, 9]],
    scores: [[1n, 2n], [], null, [3n], [1n, null, 3n]],
    tags: [['a', 'b'], null, [], ['ü'], ['x', 'y', 'z']],
  },
  {
    id: [6n, 7n],
    name: ['six', 'seven'],
    blob: [Uint8Array.of(6), null],
    flag: [null, true],
    i32: [6, null],
    i64: [null, 7n],
    u32: [6, 7],
    u64: [6n, null],
    f32: [6.5, null],
    f64: [null, -7.25],
    day: [6 * MS_PER_DAY, null],
    at: [null, 7],
    embedding: [null, [-1, -2, -3]],
    scores: [null, [7n]],
    tags: [['six'], null],
  },
];

function toRecordBatch(columns) {
  const length = columns.id.length;
  const children = fields.map((field) => vectorFromArray(columns[field.name], field.type).data[0]);
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

const table = new Table(schema, batches.map(toRecordBatch));
writeFileSync(path, tableToIPC(table, format === 'stream' ? 'stream' : 'file'));
