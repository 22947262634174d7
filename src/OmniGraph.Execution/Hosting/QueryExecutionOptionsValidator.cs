using Microsoft.Extensions.Options;

namespace OmniGraph.Execution.Hosting;

/// <summary>
/// Checks <see cref="QueryExecutionOptions"/>. Source-generated from the data annotations on <see cref="QueryExecutionOptions"/> ([OptionsValidator]): every
/// failing rule is listed, by member name.
/// </summary>
[OptionsValidator]
public sealed partial class QueryExecutionOptionsValidator : IValidateOptions<QueryExecutionOptions>
{
}
