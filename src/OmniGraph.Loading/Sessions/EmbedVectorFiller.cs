using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Schema;
using OmniGraph.Search.Embeddings;

namespace OmniGraph.Loading.Sessions;

/// <summary>
/// Computes the required <c>@embed("src")</c> vectors a load's records left out (the intake leaves them null, see
/// <see cref="JsonlIntakeOptions.LeavesEmbedVectorsOpen"/>) from their source text, before the fragment is written: one
/// batched embedding call per fragment and property (the embedder splits it into provider batches, with retries and a
/// deadline). Rows that give their vector keep it. Any failure fails the load, so nothing is written. Nullable
/// <c>@embed</c> vectors are computed too when the load names them (<paramref name="alsoNullable"/>, as
/// <c>Type.property</c>: <c>omnigraph embed</c>), where their source is not null.
/// </summary>
internal sealed class EmbedVectorFiller(TextEmbedder embedder, IReadOnlyCollection<string> alsoNullable)
{
    /// <summary>Vectors computed so far.</summary>
    public long Embedded { get; private set; }

    /// <summary>
    /// The fragment's rows with every required <c>@embed</c> vector filled, under the table layout's schema (the intake
    /// declares a vector it left open nullable until then).
    /// </summary>
    /// <exception cref="OmniGraphException">
    /// <c>embedding_unavailable</c> (no provider), any embedding error, or <c>constraint_violation</c> for a row whose source is null too.
    /// </exception>
    public async Task<RecordBatch> FillAsync(IntakeFragment fragment, CancellationToken cancellationToken)
    {
        if (fragment.Type is not NodeType type)
        {
            return fragment.Batch;
        }

        var schema = fragment.Layout.Schema;

        var batch = fragment.Batch;
        ArrowColumn[]? columns = null;
        foreach (var property in type.Properties)
        {
            if (property.Embed is not { } embed || !property.Type.IsVector || (property.IsNullable && !alsoNullable.Contains($"{type.Name}.{property.Name}")))
            {
                continue;
            }

            var index = batch.Schema.GetFieldIndex(property.Name);
            var vectors = (FixedSizeListColumn)batch.Column(index);
            if (vectors.NullCount == 0)
            {
                continue;
            }

            var source = (Utf8Column)batch.Column(embed.SourceProperty);
            var texts = new List<string>(vectors.NullCount);
            for (var row = 0; row < vectors.Length; row++)
            {
                if (vectors.IsNull(row) && !source.IsNull(row))
                {
                    texts.Add(source.GetString(row));
                }
                else if (vectors.IsNull(row) && !property.IsNullable)
                {
                    throw IngestException.EmbedSourceMissing(fragment.LineNumbers.Span[row], property.Name, embed.SourceProperty, type.Name);
                }
            }

            if (texts.Count == 0)
            {
                continue;
            }

            var embedded = await EmbedAsync(type, property, texts, cancellationToken);
            var builder = new FixedSizeListColumnBuilder(vectors.Type);
            var next = 0;
            for (var row = 0; row < vectors.Length; row++)
            {
                if (!vectors.IsNull(row))
                {
                    builder.AppendValues(vectors.GetVector(row));
                }
                else if (source.IsNull(row))
                {
                    builder.AppendNull();
                }
                else
                {
                    builder.AppendValues<float>(embedded[next++]);
                }
            }

            columns ??= [.. batch.Columns];
            columns[index] = builder.Build();
            Embedded += texts.Count;
        }

        return columns is null && batch.Schema.Equals(schema) ? batch : new RecordBatch(schema, columns ?? [.. batch.Columns], batch.Length);
    }

    private async Task<IReadOnlyList<float[]>> EmbedAsync(NodeType type, Property property, List<string> texts, CancellationToken cancellationToken)
    {
        try
        {
            return await embedder.EmbedAsync(texts, property.Type.VectorDimension, property.Embed!.Model, cancellationToken);
        }
        catch (OmniGraphException unavailable) when (unavailable.Code == ErrorCodes.EmbeddingUnavailable)
        {
            throw EngineErrors.EmbeddingUnavailable(type.Name, property.Name, property.Embed!.SourceProperty, unavailable.Message, "load");
        }
    }
}
