// Reading the schema's IR document (GET /graphs/{id}/schema/ir) for the views: a node type's key, the edges that
// touch it, and the .gq text of the small queries the drawing runs to show a node and to expand its neighbours.

export function nodeType(schema, name) {
  return schema?.node_types?.find(t => t.name === name) ?? null;
}

/** The node type's single key property, or null (no key, or a composite one: its nodes cannot be looked up by id). */
export function keyProperty(type) {
  const key = type?.constraints?.find(c => c.kind === 'key');
  const names = key?.columns ?? type?.properties?.filter(p => p.key).map(p => p.name) ?? [];
  return names.length === 1 ? type.properties.find(p => p.name === names[0]) : null;
}

/** The .gq spelling of a property type: String, I32?, [String], Vector(4), enum(a, b). */
export function typeText(type) {
  const base = type.kind === 'list' ? `[${type.scalar}]` : type.kind === 'vector' ? `Vector(${type.dimension})`
    : type.kind === 'enum' ? `enum(${(type.values ?? []).join(', ')})` : type.scalar;
  return base + (type.nullable ? '?' : '');
}

/** How an edge type is written in a traversal: WorksAt → worksAt. */
export function edgeWord(edge) { return edge.name[0].toLowerCase() + edge.name.slice(1); }

function keyParam(key) { return `$id: ${key.type.kind === 'enum' ? 'String' : key.type.scalar}`; }

/** The id as the key's parameter value (ids of integer keys come back as strings). */
export function keyValue(key, id) {
  return /^[IU](8|16|32|64)$|^F(32|64)$/.test(key.type.scalar ?? '') ? Number(id) : id;
}

/** A read of one node's properties (those a query can return: not blobs, not vectors). */
export function propertiesQuery(type, key) {
  const returned = type.properties.filter(p => p.type.kind !== 'vector' && p.type.scalar !== 'Blob').map(p => `$n.${p.name}`);
  return `query node(${keyParam(key)}) {\n  match { $n: ${type.name} { ${key.name}: $id } }\n  return { ${returned.join(', ')} }\n}\n`;
}

/** One read per edge type touching the node type: [{name, edge, outgoing, source}], each returning the neighbours $m. */
export function neighbourQueries(schema, type, key) {
  const queries = [];
  for (const edge of schema.edge_types ?? []) {
    for (const outgoing of [true, false]) {
      if ((outgoing ? edge.from : edge.to) !== type.name) continue;
      // A self-edge (Person -> Person) is read both ways; a written direction is literal for it.
      const step = outgoing ? `$n ${edgeWord(edge)} $m` : `$m ${edgeWord(edge)} $n`;
      const name = `${outgoing ? 'out' : 'in'}_${edge.name}`;
      queries.push({
        name, edge, outgoing,
        source: `query ${name}(${keyParam(key)}) {\n  match {\n    $n: ${type.name} { ${key.name}: $id }\n    ${step}\n  }\n  return { $m }\n  limit 500\n}\n`,
      });
    }
  }
  return queries;
}
