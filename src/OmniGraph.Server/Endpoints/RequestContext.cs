namespace OmniGraph.Server.Endpoints;

/// <summary>What the server knows about a request beyond HTTP: who makes it.</summary>
internal static class RequestContext
{
    private static readonly object s_actorKey = new();

    /// <summary>The actor the request's bearer token resolved to; <c>null</c> in open mode. Never anything the client sent otherwise.</summary>
    public static string? Actor(this HttpContext context) => context.Items.TryGetValue(s_actorKey, out var actor) ? actor as string : null;

    /// <summary>Records the authenticated actor (the authentication middleware only).</summary>
    public static void SetActor(this HttpContext context, string actor) => context.Items[s_actorKey] = actor;
}
