using System.Text;

namespace Orleans.TestingHost;

/// <summary>Grain interfaces that would not port to Orleans; the message lists every violation, one per line.</summary>
public sealed class GrainInterfacePortabilityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainInterfacePortabilityException(IReadOnlyList<PortabilityViolation> violations)
        : base(Format(violations))
    {
        Violations = violations;
    }

    /// <summary>The violations, in deterministic order.</summary>
    public IReadOnlyList<PortabilityViolation> Violations { get; }

    private static string Format(IReadOnlyList<PortabilityViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var message = new StringBuilder().Append(violations.Count).Append(" grain interface portability violation(s):");
        foreach (var violation in violations)
        {
            message.AppendLine().Append("  ").Append(violation);
        }

        return message.ToString();
    }
}
