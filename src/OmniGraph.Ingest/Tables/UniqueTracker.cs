using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>The tuples one <c>@unique</c> constraint has seen in a table so far, each with the id of its holding row.</summary>
internal sealed class UniqueTracker
{
    public UniqueTracker(UniqueConstraint constraint)
    {
        Constraint = constraint;
    }

    public UniqueConstraint Constraint { get; }

    public Utf8KeySet Tuples { get; } = new();
}
