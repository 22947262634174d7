namespace Orleans.TestingHost;

/// <summary>Per-silo settings handed to silo configuration delegates.</summary>
public sealed class InProcessTestSiloSpecificOptions
{
    /// <summary>The silo's name (<c>Primary</c> for the first silo, then <c>Restarted_1</c>, ...).</summary>
    public string SiloName { get; init; } = "Primary";
}
