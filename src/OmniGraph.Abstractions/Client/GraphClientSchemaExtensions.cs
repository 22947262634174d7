namespace OmniGraph.Abstractions;

/// <summary>Schema evolution on an <see cref="IGraphClient"/> (docs/schema-language.md, "Changing the schema"), as calls to <see cref="ISchemaApplyGrain"/>.</summary>
public static class GraphClientSchemaExtensions
{
    /// <summary>The plan that takes main's schema to the desired one. Reads only.</summary>
    /// <exception cref="OmniGraphException">See <see cref="ISchemaApplyGrain.PlanAsync"/>.</exception>
    public static Task<SchemaApplyOutput> PlanSchemaAsync(this IGraphClient client, SchemaApplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Grains.GetGrain<ISchemaApplyGrain>(client.GraphId).PlanAsync(request, cancellationToken);
    }

    /// <summary>Applies the desired schema to main as one commit.</summary>
    /// <exception cref="OmniGraphException">See <see cref="ISchemaApplyGrain.ApplyAsync"/>.</exception>
    public static Task<SchemaApplyOutput> ApplySchemaAsync(this IGraphClient client, SchemaApplyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.Grains.GetGrain<ISchemaApplyGrain>(client.GraphId).ApplyAsync(request, cancellationToken);
    }
}
