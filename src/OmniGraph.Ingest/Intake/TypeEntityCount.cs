namespace OmniGraph.Ingest;

/// <summary>How many entities of one type a load holds (superseded rows not counted).</summary>
/// <param name="Name">The node or edge type name.</param>
/// <param name="EntitiesLoaded">Entities of the type in the load.</param>
public readonly record struct TypeEntityCount(string Name, long EntitiesLoaded);
