namespace OmniGraph.Abstractions;

/// <summary>A piece of an export: whole JSONL lines (each ending with a line feed).</summary>
/// <param name="Jsonl">UTF-8 JSONL, one record per line.</param>
/// <param name="Records">The number of lines.</param>
[GenerateSerializer]
[Immutable]
public sealed record ExportChunk(
    [property: Id(0)] ReadOnlyMemory<byte> Jsonl,
    [property: Id(1)] int Records);
