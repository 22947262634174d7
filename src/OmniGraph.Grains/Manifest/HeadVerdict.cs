namespace OmniGraph.Grains.Manifest;

/// <summary>The classification of one head record, with the manifest version it proves was published (if any) and why.</summary>
/// <param name="Relation">How the record relates to the published head.</param>
/// <param name="StateKey">The record's object key.</param>
/// <param name="ProvenVersion">A manifest version the record proves was published (a floor for the chain's end), or <c>null</c>.</param>
/// <param name="Detail">What the record says, for messages.</param>
internal readonly record struct HeadVerdict(HeadRelation Relation, string StateKey, long? ProvenVersion, string Detail);
