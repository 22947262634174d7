using Microsoft.Extensions.Options;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>Creates <see cref="JsonlIntake"/> instances with the configured <see cref="JsonlIntakeOptions"/>; one intake per load.</summary>
public sealed class JsonlIntakeFactory
{
    private readonly JsonlIntakeOptions _options;

    /// <summary>Creates a factory over validated options.</summary>
    public JsonlIntakeFactory(IOptions<JsonlIntakeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        JsonlIntakeOptionsValidator.ThrowIfInvalid(_options);
    }

    /// <summary>The options every intake is created with.</summary>
    public JsonlIntakeOptions Options => _options;

    /// <summary>Starts the intake of one load against <paramref name="catalog"/> in <paramref name="mode"/>.</summary>
    /// <param name="catalog">The schema.</param>
    /// <param name="mode">The load mode.</param>
    /// <param name="leavesEmbedVectorsOpen">See <see cref="JsonlIntakeOptions.LeavesEmbedVectorsOpen"/>.</param>
    public JsonlIntake Create(SchemaCatalog catalog, LoadMode mode, bool leavesEmbedVectorsOpen = false) =>
        leavesEmbedVectorsOpen ? new(catalog, mode, WithEmbedVectorsOpen(_options)) : new(catalog, mode, _options);

    private static JsonlIntakeOptions WithEmbedVectorsOpen(JsonlIntakeOptions options)
    {
        var copy = options.Copy();
        copy.LeavesEmbedVectorsOpen = true;
        return copy;
    }
}
