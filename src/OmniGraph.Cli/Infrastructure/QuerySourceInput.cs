namespace OmniGraph.Cli.Infrastructure;

/// <summary>What <see cref="QuerySourceOptions"/> read: the <c>.gq</c> source, the query selected in it, and the parameter JSON.</summary>
internal sealed record QuerySourceInput(string Source, string? Name, string? Parameters);
