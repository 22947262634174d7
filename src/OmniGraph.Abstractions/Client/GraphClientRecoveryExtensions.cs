namespace OmniGraph.Abstractions;

/// <summary>Recovery through an <see cref="IGraphClient"/>: <c>client.ExamineAsync()</c>, <c>client.RepairAsync(...)</c>.</summary>
public static class GraphClientRecoveryExtensions
{
    /// <summary>Examines the whole graph (see <see cref="IManifestGrain.ExamineAsync"/>).</summary>
    public static Task<RecoveryExamination> ExamineAsync(this IGraphClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Manifest.ExamineAsync(cancellationToken);
    }

    /// <summary>Plans or carries out the verified repairs (see <see cref="IManifestGrain.RepairAsync"/>).</summary>
    public static Task<RepairReport> RepairAsync(this IGraphClient client, RepairRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Manifest.RepairAsync(request, cancellationToken);
    }
}
