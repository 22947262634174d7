using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>The tuples one <c>@unique</c> constraint has seen in a table so far, each with the id of its holding row.</summary>
internal sealed class UniqueTracker
{
    /// <summary>Component source meaning an edge's <c>src</c>.</summary>
    public const int SourceComponent = -1;

    /// <summary>Component source meaning an edge's <c>dst</c>.</summary>
    public const int TargetComponent = -2;

    public UniqueTracker(UniqueConstraint constraint, int[] components)
    {
        Constraint = constraint;
        Components = components;
    }

    public UniqueConstraint Constraint { get; }

    /// <summary>Per tuple member: a capture slot of the row scratch, or <see cref="SourceComponent"/> / <see cref="TargetComponent"/>.</summary>
    public int[] Components { get; }

    public Utf8KeySet Tuples { get; } = new();
}
