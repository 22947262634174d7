using System.CommandLine;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// The flags that name a <c>.gq</c> query and its parameters, shared by <c>query</c> and <c>mutate</c>:
/// <c>[NAME] (--query F | -e SRC) [--params JSON | --params-file F]</c>. Each pair is exclusive, and the source is required.
/// </summary>
internal sealed class QuerySourceOptions
{
    private readonly string _noun;
    private readonly Argument<string?> _name;
    private readonly Option<string?> _queryFile;
    private readonly Option<string?> _querySource;
    private readonly Option<string?> _parameters;
    private readonly Option<string?> _parametersFile;

    /// <param name="noun">What the source holds, for help and messages ("query", "mutation").</param>
    public QuerySourceOptions(string noun)
    {
        _noun = noun;
        _name = new Argument<string?>("NAME") { Description = $"The {noun} to run (needed when the source declares several)", Arity = ArgumentArity.ZeroOrOne };
        _queryFile = new Option<string?>("--query") { Description = $"The .gq file holding the {noun}", HelpName = "F" };
        // One name in messages and docs: -e (the long form --query-string is accepted too).
        _querySource = new Option<string?>("-e", "--query-string") { Description = $"The {noun} source itself", HelpName = "SRC" };
        _parameters = new Option<string?>("--params") { Description = "Parameter values as a JSON object", HelpName = "JSON" };
        _parametersFile = new Option<string?>("--params-file") { Description = "A file holding the parameter values as a JSON object", HelpName = "F" };
    }

    /// <summary>Adds the positional and the four flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_name);
        command.Options.Add(_queryFile);
        command.Options.Add(_querySource);
        command.Options.Add(_parameters);
        command.Options.Add(_parametersFile);
    }

    /// <summary>Reads the source text, the selected query name and the parameter JSON (null when none was given).</summary>
    public async Task<QuerySourceInput> ReadAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var source = await ReadOneOfAsync(parseResult, _queryFile, "query file", _querySource, cancellationToken)
            ?? throw CliErrors.Usage($"no {_noun} given: pass {_queryFile.Name} F or {_querySource.Name} SRC");
        var parameters = await ReadOneOfAsync(parseResult, _parametersFile, "params file", _parameters, cancellationToken);
        return new QuerySourceInput(source, parseResult.GetValue(_name), parameters);
    }

    /// <summary>The text of at most one of a file flag and an inline flag.</summary>
    private static async Task<string?> ReadOneOfAsync(
        ParseResult parseResult,
        Option<string?> fileOption,
        string what,
        Option<string?> inlineOption,
        CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(fileOption);
        var inline = parseResult.GetValue(inlineOption);
        if (file is not null && inline is not null)
        {
            throw CliErrors.Usage($"{fileOption.Name} and {inlineOption.Name} are exclusive; give one");
        }

        return file is not null ? await CliTextFile.ReadAsync(file, what, cancellationToken) : inline;
    }
}
