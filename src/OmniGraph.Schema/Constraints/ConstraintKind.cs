namespace OmniGraph.Schema;

/// <summary>The closed set of body constraints.</summary>
public enum ConstraintKind : byte
{
    /// <summary><c>@key(p, …)</c>: the node's primary key.</summary>
    Key,

    /// <summary><c>@unique(p, …)</c>: tuple uniqueness (rows with a null member are exempt).</summary>
    Unique,

    /// <summary><c>@index(p, …)</c>: index intent; never changes query results.</summary>
    Index,

    /// <summary><c>@range(p, min..max)</c>: inclusive numeric bounds.</summary>
    Range,

    /// <summary><c>@check(p, "regex")</c>: unanchored pattern search on a String.</summary>
    Check,
}
