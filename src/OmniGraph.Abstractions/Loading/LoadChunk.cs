namespace OmniGraph.Abstractions;

/// <summary>
/// One piece of a load's JSONL input. Boundaries may fall anywhere (inside a line or a UTF-8 sequence); the session
/// reassembles lines. The bytes are not used after the call returns, and must not be changed while it runs.
/// </summary>
/// <param name="Data">The bytes.</param>
[GenerateSerializer]
[Immutable]
public sealed record LoadChunk([property: Id(0)] ReadOnlyMemory<byte> Data);
