using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>Which column a mutation predicate tests.</summary>
public enum PredicateSubject : byte
{
    /// <summary>A declared property (<see cref="MutationPredicate.Property"/>).</summary>
    Property,

    /// <summary>An edge's <c>from</c> pseudo-property: its <c>src</c> node id.</summary>
    EdgeSource,

    /// <summary>An edge's <c>to</c> pseudo-property: its <c>dst</c> node id.</summary>
    EdgeTarget,
}

/// <summary>
/// The single comparison of <c>where prop op value</c> (ordering operators only; SQL null semantics: a row whose
/// column is null never matches).
/// </summary>
public sealed class MutationPredicate
{
    internal MutationPredicate(
        PredicateSubject subject,
        Property? property,
        ComparisonOperator op,
        QueryExpression value,
        ComparisonDomain domain,
        SourcePosition position)
    {
        Subject = subject;
        Property = property;
        Operator = op;
        Value = value;
        Domain = domain;
        Position = position;
    }

    /// <summary>The tested column.</summary>
    public PredicateSubject Subject { get; }

    /// <summary>The property for <see cref="PredicateSubject.Property"/>; <c>null</c> for <c>from</c>/<c>to</c>.</summary>
    public Property? Property { get; }

    /// <summary>The operator (one of the six ordering comparisons).</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>The compared value: literal, parameter or <c>now()</c>.</summary>
    public QueryExpression Value { get; }

    /// <summary>The comparison domain.</summary>
    public ComparisonDomain Domain { get; }

    /// <summary>Where the predicate is written.</summary>
    public SourcePosition Position { get; }

    /// <summary>The column name as written (<c>from</c>, <c>to</c> or the property name).</summary>
    public string SubjectName => Subject switch
    {
        PredicateSubject.EdgeSource => "from",
        PredicateSubject.EdgeTarget => "to",
        _ => Property!.Name,
    };

    /// <inheritdoc />
    public override string ToString() => $"{SubjectName} {Operator.ToSourceText()} {Value}";
}
