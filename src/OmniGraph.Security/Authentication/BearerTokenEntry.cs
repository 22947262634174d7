namespace OmniGraph.Security;

/// <summary>One configured token as kept in memory: its SHA-256 and the actor it stands for (never the token).</summary>
/// <param name="Hash">SHA-256 of the trimmed token's UTF-8 bytes (32 bytes).</param>
/// <param name="Actor">The actor, trimmed, non-blank.</param>
/// <param name="Source">The variable it came from (for the start-up log).</param>
internal sealed record BearerTokenEntry(byte[] Hash, string Actor, string Source);
