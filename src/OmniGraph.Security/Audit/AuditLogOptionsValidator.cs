using Microsoft.Extensions.Options;

namespace OmniGraph.Security;

/// <summary>
/// Checks <see cref="AuditLogOptions"/>. Source-generated from the data annotations on <see cref="AuditLogOptions"/> ([OptionsValidator]): every
/// failing rule is listed, by member name.
/// </summary>
[OptionsValidator]
public sealed partial class AuditLogOptionsValidator : IValidateOptions<AuditLogOptions>
{
}
