using System.Text.Json;
using OmniGraph.Abstractions;

namespace OmniGraph.TestWorker.Verbs;

/// <summary>What one <c>graph-write</c> worker reports: where it paused, and the commit its write published or the typed error it failed with.</summary>
public sealed record GraphWriteReport
{
    /// <summary>Serializer settings shared by the worker and the tests that read its output.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The worker id.</summary>
    public required string Worker { get; init; }

    /// <summary>How many of the armed pauses the write stood at (and was released from).</summary>
    public int Pauses { get; init; }

    /// <summary>The published commit, or <c>null</c> when the write failed.</summary>
    public CommitOutput? Commit { get; init; }

    /// <summary>Preparations the write took (more than one when it was re-prepared after another writer published).</summary>
    public int Attempts { get; init; }

    /// <summary>Nodes the mutation affected, or entities the load held.</summary>
    public long Affected { get; init; }

    /// <summary>The stable error code of a failed write (<c>read_set_conflict</c>, <c>key_conflict</c>), or <c>null</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message of a failed write.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>For <c>read_set_conflict</c>: what changed (<c>graph_head:main</c>), what the write expected and what it found.</summary>
    public string? ConflictMember { get; init; }

    /// <inheritdoc cref="ConflictMember"/>
    public string? ConflictExpected { get; init; }

    /// <inheritdoc cref="ConflictMember"/>
    public string? ConflictActual { get; init; }

    /// <summary>Whether the write published a commit.</summary>
    public bool Committed => Commit is not null;

    /// <summary>The report of a failed write.</summary>
    public static GraphWriteReport Failed(string worker, int pauses, OmniGraphException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var conflict = error as ReadSetChangedException;
        return new GraphWriteReport
        {
            Worker = worker,
            Pauses = pauses,
            ErrorCode = error.Code,
            ErrorMessage = error.Message,
            ConflictMember = conflict?.Member,
            ConflictExpected = conflict?.Expected,
            ConflictActual = conflict?.Actual,
        };
    }

    /// <inheritdoc />
    public override string ToString() => JsonSerializer.Serialize(this, JsonOptions);
}
