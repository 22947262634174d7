using System.Collections.Immutable;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;

namespace OmniGraph.Query.Parameters;

/// <summary>
/// The values bound to a compiled query's parameters for one execution, plus the execution's <c>now()</c>
/// timestamp. Immutable; produced by <see cref="QueryParameterBinder"/>.
/// </summary>
public sealed class QueryParameterValues
{
    private readonly ImmutableArray<QueryParameter> _parameters;
    private readonly QueryValue[] _values;
    private readonly bool[] _provided;

    internal QueryParameterValues(ImmutableArray<QueryParameter> parameters, QueryValue[] values, bool[] provided, long nowMilliseconds)
    {
        _parameters = parameters;
        _values = values;
        _provided = provided;
        NowMilliseconds = nowMilliseconds;
    }

    /// <summary>The <c>now()</c> timestamp of this execution, in milliseconds since the Unix epoch (UTC).</summary>
    public long NowMilliseconds { get; }

    /// <summary>The <c>now()</c> timestamp as a DateTime value.</summary>
    public QueryValue Now => QueryValue.FromDateTime(NowMilliseconds);

    /// <summary>The value of <paramref name="parameter"/>; see <see cref="Get"/>.</summary>
    public QueryValue this[QueryParameter parameter] => Get(parameter);

    /// <summary>
    /// The value of <paramref name="parameter"/>: SQL NULL for an omitted or null optional parameter.
    /// </summary>
    /// <exception cref="QueryException">A required parameter was not supplied (<c>parameter 'x' not provided</c>).</exception>
    public QueryValue Get(QueryParameter parameter)
    {
        var ordinal = CheckOwned(parameter);
        if (!_provided[ordinal])
        {
            QueryThrow.MissingParameter(parameter.Name);
        }

        return _values[ordinal];
    }

    /// <summary><c>true</c> when the parameter has a value (a null one for an omitted optional parameter).</summary>
    public bool IsProvided(QueryParameter parameter) => _provided[CheckOwned(parameter)];

    /// <summary>Finds a value by parameter name (without <c>$</c>); <c>false</c> when undeclared or not supplied.</summary>
    public bool TryGetValue(string name, out QueryValue value)
    {
        foreach (var parameter in _parameters)
        {
            if (parameter.Name == name && _provided[parameter.Ordinal])
            {
                value = _values[parameter.Ordinal];
                return true;
            }
        }

        value = default;
        return false;
    }

    private int CheckOwned(QueryParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var ordinal = parameter.Ordinal;
        if ((uint)ordinal >= (uint)_parameters.Length || !ReferenceEquals(_parameters[ordinal], parameter))
        {
            throw new ArgumentException($"Parameter ${parameter.Name} does not belong to the query these values were bound for.", nameof(parameter));
        }

        return ordinal;
    }
}
