using Microsoft.Extensions.Logging;

namespace OmniGraph.Security;

/// <summary>Source-generated log messages of the security set-up.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = (int)LogEventId.SecurityTokensLoaded, Level = LogLevel.Information, Message = "Bearer tokens: {Count} from {Sources}")]
    public static partial void TokensLoaded(ILogger logger, int count, string sources);

    [LoggerMessage(EventId = (int)LogEventId.SecurityTokenSourceIgnored, Level = LogLevel.Warning, Message = "{Variable} is set but ignored: {Preferred} takes precedence")]
    public static partial void TokenSourceIgnored(ILogger logger, string variable, string preferred);
}
