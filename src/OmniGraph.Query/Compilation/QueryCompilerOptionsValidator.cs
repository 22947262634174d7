using Microsoft.Extensions.Options;

namespace OmniGraph.Query;

/// <summary>
/// Checks <see cref="QueryCompilerOptions"/>. Source-generated from the data annotations on <see cref="QueryCompilerOptions"/> ([OptionsValidator]): every
/// failing rule is listed, by member name.
/// </summary>
[OptionsValidator]
public sealed partial class QueryCompilerOptionsValidator : IValidateOptions<QueryCompilerOptions>
{
}
