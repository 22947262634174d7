using System.Text.RegularExpressions;

namespace OmniGraph.Schema;

/// <summary>
/// <c>@check(p, "regex")</c> on a String node property: every non-null value must contain a match (unanchored
/// search; anchor with <c>^…$</c> for whole-value checks).
/// </summary>
/// <remarks>
/// The pattern is compiled once, on first use, with <see cref="RegexOptions.NonBacktracking"/> (linear time in
/// the input, like the Rust regex engine the language was designed against) and
/// <see cref="RegexOptions.CultureInvariant"/>. Constructs that need backtracking (back-references,
/// look-arounds, atomic groups) are rejected. An invalid pattern is reported at first use, because the
/// language validates patterns at write time rather than at schema parse.
/// </remarks>
public sealed class CheckConstraint : SchemaConstraint
{
    private const RegexOptions PatternOptions = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private readonly Lazy<Regex> _regex;

    internal CheckConstraint(string propertyName, string pattern)
        : base(ConstraintOrigin.Body, null)
    {
        PropertyName = propertyName;
        Pattern = pattern;
        _regex = new Lazy<Regex>(Compile, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public override ConstraintKind Kind => ConstraintKind.Check;

    /// <summary>The constrained property.</summary>
    public string PropertyName { get; }

    /// <summary>The pattern as written (decoded string literal).</summary>
    public string Pattern { get; }

    /// <summary>The compiled matcher, shared by all callers.</summary>
    /// <exception cref="SchemaException">The pattern is invalid (code <c>schema_invalid_check_pattern</c>).</exception>
    public Regex Regex => _regex.Value;

    /// <summary><c>true</c> when the value contains a match of the pattern.</summary>
    /// <exception cref="SchemaException">The pattern is invalid (code <c>schema_invalid_check_pattern</c>).</exception>
    public bool IsMatch(ReadOnlySpan<char> value) => _regex.Value.IsMatch(value);

    /// <summary>The documented violation message: <c>@check violation on T.p: value 'v' does not match pattern 'regex'</c>.</summary>
    public string FormatViolation(string value) =>
        $"@check violation on {Owner.Name}.{PropertyName}: value '{value}' does not match pattern '{Pattern}'";

    /// <inheritdoc />
    public override string ToSourceText() => $"@check({PropertyName}, {PgText.Quote(Pattern)})";

    /// <summary>
    /// Whether <paramref name="value"/> matches, or <c>null</c> when the pattern does not compile: a schema-time check
    /// (of a <c>@default</c>) must leave an invalid pattern to be reported at first write, as the language has it.
    /// </summary>
    internal bool? TryMatch(string value)
    {
        try
        {
            return new Regex(Pattern, PatternOptions).IsMatch(value);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private Regex Compile()
    {
        try
        {
            return new Regex(Pattern, PatternOptions);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            var reason = $"@check on {Owner.Name}.{PropertyName} has an invalid pattern '{ErrorText.Quote(Pattern)}': {RegexErrorText.Describe(exception)}";
            throw SchemaThrow.CatalogError(ErrorCodes.SchemaInvalidCheckPattern, default, reason, exception);
        }
    }
}
