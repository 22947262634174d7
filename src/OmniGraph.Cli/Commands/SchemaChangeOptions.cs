using System.CommandLine;

namespace OmniGraph.Cli.Commands;

/// <summary>The options <c>schema plan</c> and <c>schema apply</c> share.</summary>
internal static class SchemaChangeOptions
{
    /// <summary><c>--schema NEW.pg</c>: the complete desired schema.</summary>
    public static Option<string> Schema() =>
        new("--schema") { Description = "The complete desired schema (.pg)", Required = true, HelpName = "NEW.pg" };

    /// <summary><c>--allow-data-loss</c>: drops are hard, not soft.</summary>
    public static Option<bool> AllowDataLoss() =>
        new("--allow-data-loss") { Description = "Plan drops of types and properties as hard (data given up) rather than soft" };
}
