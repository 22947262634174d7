namespace OmniGraph.Abstractions;

/// <summary>A desired schema to plan or apply (<see cref="ISchemaApplyGrain"/>; docs/schema-language.md, "Changing the schema").</summary>
/// <param name="SchemaSource">The complete desired <c>.pg</c> source.</param>
[GenerateSerializer]
[Immutable]
public sealed record SchemaApplyRequest([property: Id(0)] string SchemaSource)
{
    /// <summary>Plan drops as hard (<c>--allow-data-loss</c>) rather than soft.</summary>
    [Id(1)]
    public bool AllowDataLoss { get; init; }

    /// <summary>Who applies: the policy must allow them <c>schema_apply</c> on main; recorded on the commit.</summary>
    [Id(2)]
    public string? Actor { get; init; }

    /// <summary>Apply only if main's head is still this commit (the one a plan was made against); <c>precondition_failure</c> otherwise.</summary>
    [Id(3)]
    public string? ExpectedHeadCommit { get; init; }
}
