// Reads an Arrow IPC file (or stream) with the official JavaScript implementation and prints, as JSON,
// its schema (type ids and parameters, nullability, metadata in order) and every value, so the .NET
// interop tests can compare what apache-arrow sees with what OmniGraph.Arrow wrote.
// Usage: node read-arrow.mjs <path> [file|stream]
import { readFileSync } from 'node:fs';
import { RecordBatchReader, Type } from 'apache-arrow';

const [, , path, format = 'file'] = process.argv;
if (!path) {
  console.error('usage: node read-arrow.mjs <path> [file|stream]');
  process.exit(2);
}

const bytes = readFileSync(path);
const reader = RecordBatchReader.from(bytes);
reader.open();
if (format === 'file' && !reader.isFile()) {
  throw new Error('expected an Arrow IPC file');
}
if (format === 'stream' && !reader.isStream()) {
  throw new Error('expected an Arrow IPC stream');
}

// The schema must be taken before iterating: the reader drops it once it has been read to the end.
const schema = reader.schema;
const batches = [...reader];

function metadataOf(map) {
  return [...(map ?? new Map()).entries()];
}

function describeType(type) {
  const description = { typeId: type.typeId, name: String(type) };
  switch (type.typeId) {
    case Type.Int:
      description.bitWidth = type.bitWidth;
      description.isSigned = type.isSigned;
      break;
    case Type.Float:
      description.precision = type.precision;
      break;
    case Type.Date:
    case Type.Timestamp:
      description.unit = type.unit;
      if (type.typeId === Type.Timestamp) {
        description.timezone = type.timezone ?? null;
      }
      break;
    case Type.FixedSizeList:
      description.listSize = type.listSize;
      break;
    default:
      break;
  }
  if (type.children && type.children.length > 0) {
    description.children = type.children.map(describeField);
  }
  return description;
}

function describeField(field) {
  return {
    name: field.name,
    nullable: field.nullable,
    type: describeType(field.type),
    metadata: metadataOf(field.metadata),
  };
}

const MS_PER_DAY = 86400000;

function toJson(value, type) {
  if (value === null || value === undefined) {
    return null;
  }
  switch (type.typeId) {
    case Type.Int:
      return typeof value === 'bigint' ? value.toString() : String(value);
    case Type.Float:
      return Number.isFinite(value) ? value : String(value);
    case Type.Bool:
    case Type.Utf8:
      return value;
    case Type.Binary:
      return Buffer.from(value).toString('hex');
    case Type.Date:
      return String(value / MS_PER_DAY);
    case Type.Timestamp:
      return String(value);
    case Type.List:
    case Type.FixedSizeList: {
      const child = type.children[0].type;
      const items = [];
      for (let i = 0; i < value.length; i++) {
        items.push(toJson(value.get(i), child));
      }
      return items;
    }
    default:
      throw new Error(`unexpected type ${String(type)}`);
  }
}

const columns = {};
for (const field of schema.fields) {
  columns[field.name] = [];
}
for (const batch of batches) {
  schema.fields.forEach((field, index) => {
    const vector = batch.getChildAt(index);
    for (let row = 0; row < batch.numRows; row++) {
      columns[field.name].push(toJson(vector.get(row), field.type));
    }
  });
}

process.stdout.write(JSON.stringify({
  schema: { fields: schema.fields.map(describeField), metadata: metadataOf(schema.metadata) },
  batchRowCounts: batches.map((batch) => batch.numRows),
  columns,
}));
