namespace OmniGraph.Query.Functions;

/// <summary>How a function is evaluated.</summary>
public enum FunctionKind
{
    /// <summary>One value per row from the row's argument values, by a column kernel (<see cref="QueryFunction.Kernel"/>).</summary>
    Scalar,

    /// <summary>One value per group of rows (<see cref="QueryFunction.Aggregate"/>), in <c>return</c> only.</summary>
    Aggregate,

    /// <summary>
    /// A full-text or vector search function (<see cref="QueryFunction.SearchKind"/>): no kernel; the planner hands it to
    /// the search target's table grain, which answers it from the table version's search indexes (docs/search.md).
    /// </summary>
    Search,
}
