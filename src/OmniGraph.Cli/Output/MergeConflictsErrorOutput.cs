using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>
/// The <c>--json</c> error envelope of a conflicted merge: the usual <c>{"error":{"code","message"}}</c> plus every
/// conflict in <c>merge_conflicts</c>.
/// </summary>
/// <param name="Error">The error.</param>
public sealed record MergeConflictsErrorOutput([property: JsonPropertyName("error")] MergeConflictsErrorBody Error);

/// <summary>The <c>merge_conflicts</c> error with its conflicts.</summary>
/// <param name="Code"><c>merge_conflicts</c>.</param>
/// <param name="Message">The message for people (names the first three).</param>
/// <param name="MergeConflicts">Every conflict.</param>
public sealed record MergeConflictsErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("merge_conflicts")] ImmutableArray<MergeConflictOutput> MergeConflicts);
