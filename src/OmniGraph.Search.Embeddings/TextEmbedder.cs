using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OmniGraph.Search.Embeddings;

/// <summary>
/// What the engine calls to embed text: <c>nearest($x.v, "text")</c> embeds its query, <c>@embed("src")</c> fills
/// vectors on load and insert. Over any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> it adds what the spec
/// asks of every provider: the requested dimension is the property's N; returned vectors are checked (count, length,
/// finite, non-zero) and L2-normalized; <c>@embed(model=...)</c> must name the configured model. It also bounds every
/// call: texts go in batches, each request has a timeout, failed requests are retried with exponential backoff, and
/// the whole call has a deadline. Failures are typed (<see cref="EmbeddingErrorCodes"/>). Thread-safe.
/// </summary>
public sealed partial class TextEmbedder
{
    /// <summary>The longest text embedded, in UTF-16 characters (providers limit input tokens; past this a request would fail anyway).</summary>
    public const int MaxTextChars = 32_768;

    /// <summary>The largest dimension requested.</summary>
    public const int MaxDimension = 65_536;

    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _generator;
    private readonly EmbeddingOptions _options;
    private readonly ILogger _logger;

    /// <summary>Why the configuration cannot be used (null when it can): every embedding is refused with it.</summary>
    private readonly string? _configurationError;

    /// <summary>An embedder over <paramref name="generator"/> (any Microsoft.Extensions.AI embedding client).</summary>
    /// <param name="generator">The provider.</param>
    /// <param name="options">The call bounds, and the model name when the generator does not report one.</param>
    /// <param name="logger">Where retries and failures are logged.</param>
    public TextEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingOptions options, ILogger<TextEmbedder>? logger = null)
        : this(new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(generator ?? throw new ArgumentNullException(nameof(generator))), options, logger, ModelOf(generator, options))
    {
    }

    private TextEmbedder(Lazy<IEmbeddingGenerator<string, Embedding<float>>> generator, EmbeddingOptions options, ILogger? logger, string model, string? configurationError = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        EmbeddingOptionsValidator.ThrowIfInvalid(options);
        _generator = generator;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        Model = model;
        _configurationError = configurationError;
    }

    /// <summary>The model the vectors come from (what <c>@embed(model=...)</c> is checked against).</summary>
    public string Model { get; }

    /// <summary>
    /// An embedder for the provider <paramref name="options"/> describe. The provider client is made at the first
    /// embedding, so a process without a key starts, and only an embedding asks for one.
    /// </summary>
    /// <param name="options">The configuration (validated here).</param>
    /// <param name="httpClient">The HTTP client to send with (null = the SDK's own).</param>
    /// <param name="logger">Where retries and failures are logged.</param>
    public static TextEmbedder Create(EmbeddingOptions options, HttpClient? httpClient = null, ILogger<TextEmbedder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        EmbeddingOptionsValidator.ThrowIfInvalid(options);
        return new TextEmbedder(
            new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(() => EmbeddingGenerators.Create(options, httpClient), LazyThreadSafetyMode.PublicationOnly),
            options,
            logger,
            options.ResolvedModel);
    }

    /// <summary>
    /// An embedder whose configuration cannot be used (a bad <c>OMNIGRAPH_EMBED_*</c> value): the process that holds it
    /// starts, and every embedding is refused with <see cref="EmbeddingErrorCodes.ConfigInvalid"/> and
    /// <paramref name="reason"/>, so a bad variable fails the call that needs embeddings, not the silo.
    /// </summary>
    /// <param name="reason">What is wrong, naming the variable or option.</param>
    /// <param name="logger">Where the refusal is reported once, when the embedder is made.</param>
    public static TextEmbedder Unusable(string reason, ILogger<TextEmbedder>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var embedder = new TextEmbedder(
            new Lazy<IEmbeddingGenerator<string, Embedding<float>>>(() => throw ConfigurationError(reason), LazyThreadSafetyMode.PublicationOnly),
            new EmbeddingOptions(),
            logger,
            model: string.Empty,
            reason);
        EmbeddingLog.ConfigurationUnusable(embedder._logger, reason);
        return embedder;
    }

    /// <summary>Refuses when the provider cannot be used (for a load that will need vectors, before any write).</summary>
    /// <exception cref="OmniGraphException"><see cref="EmbeddingErrorCodes.Unavailable"/> or <see cref="EmbeddingErrorCodes.ConfigInvalid"/>.</exception>
    public void EnsureAvailable() => _ = _generator.Value;

    /// <summary>Refuses when a property's <c>@embed(model=...)</c> names another model (no check when it names none).</summary>
    /// <exception cref="OmniGraphException"><see cref="EmbeddingErrorCodes.ModelMismatch"/> or <see cref="EmbeddingErrorCodes.ConfigInvalid"/>.</exception>
    public void EnsureModel(string? requiredModel)
    {
        if (_configurationError is not null)
        {
            throw ConfigurationError(_configurationError);
        }

        if (requiredModel is not null && !string.Equals(requiredModel, Model, StringComparison.Ordinal))
        {
            throw new OmniGraphException(
                EmbeddingErrorCodes.ModelMismatch,
                $"The property's @embed names the model '{ErrorText.Quote(requiredModel)}' but the configured embedding model is '{ErrorText.Quote(Model)}'; " +
                $"set {EmbeddingEnvironment.ModelVariable} to the property's model or change the schema.");
        }
    }

    /// <summary>The unit vector of one query text (<c>nearest($x.v, "text")</c>).</summary>
    /// <exception cref="OmniGraphException">Any <see cref="EmbeddingErrorCodes"/> code.</exception>
    public async Task<float[]> EmbedQueryAsync(string text, int dimensions, string? requiredModel = null, CancellationToken cancellationToken = default) =>
        (await EmbedAsync([text], dimensions, requiredModel, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>The unit vectors of <paramref name="texts"/>, in order, each of <paramref name="dimensions"/> components.</summary>
    /// <exception cref="OmniGraphException">Any <see cref="EmbeddingErrorCodes"/> code.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, int dimensions, string? requiredModel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        CheckInput(texts, dimensions);
        EnsureModel(requiredModel);
        var generator = _generator.Value;
        var vectors = new List<float[]>(texts.Count);
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Deadline);
        var request = new EmbeddingGenerationOptions { Dimensions = dimensions };
        for (var start = 0; start < texts.Count; start += _options.MaxBatchSize)
        {
            var batch = texts.Skip(start).Take(_options.MaxBatchSize).ToArray();
            var generated = await GenerateWithRetriesAsync(generator, batch, request, started, deadline.Token, cancellationToken).ConfigureAwait(false);
            vectors.AddRange(CheckAndNormalize(generated, batch.Length, dimensions));
        }

        EmbeddingLog.Embedded(_logger, texts.Count, dimensions, Model, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return vectors;
    }

    private static OmniGraphException ConfigurationError(string reason) => new(EmbeddingErrorCodes.ConfigInvalid, reason);

    private static string ModelOf(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        EmbeddingOptionsValidator.ThrowIfInvalid(options);
        return options.Model ?? generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? options.ResolvedModel;
    }

    private static void CheckInput(IReadOnlyList<string> texts, int dimensions)
    {
        if (dimensions is < 1 or > MaxDimension)
        {
            throw new OmniGraphException(EmbeddingErrorCodes.InputInvalid, string.Create(CultureInfo.InvariantCulture, $"An embedding has 1 to {MaxDimension:N0} components, not {dimensions}."));
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                throw new OmniGraphException(EmbeddingErrorCodes.InputInvalid, string.Create(CultureInfo.InvariantCulture, $"Text {i} to embed is empty; an empty text has no meaning to embed."));
            }

            if (texts[i].Length > MaxTextChars)
            {
                throw new OmniGraphException(EmbeddingErrorCodes.InputInvalid, string.Create(CultureInfo.InvariantCulture, $"Text {i} to embed has {texts[i].Length:N0} characters; at most {MaxTextChars:N0} are accepted."));
            }
        }
    }

    /// <summary>Checks the provider's answer and L2-normalizes each vector (a copy: the provider's memory is not ours).</summary>
    private static float[][] CheckAndNormalize(GeneratedEmbeddings<Embedding<float>> generated, int expected, int dimensions)
    {
        if (generated is null || generated.Count != expected)
        {
            throw InvalidResponse(string.Create(CultureInfo.InvariantCulture, $"the provider returned {generated?.Count ?? 0} vectors for {expected} texts"));
        }

        var vectors = new float[expected][];
        for (var i = 0; i < expected; i++)
        {
            var source = generated[i].Vector.Span;
            if (source.Length != dimensions)
            {
                throw InvalidResponse(string.Create(CultureInfo.InvariantCulture, $"vector {i} has {source.Length} components but {dimensions} were requested (does the model support that dimension?)"));
            }

            double sumOfSquares = 0;
            foreach (var value in source)
            {
                if (!float.IsFinite(value))
                {
                    throw InvalidResponse(string.Create(CultureInfo.InvariantCulture, $"vector {i} holds NaN or an infinity"));
                }

                sumOfSquares += (double)value * value;
            }

            if (sumOfSquares == 0)
            {
                throw InvalidResponse(string.Create(CultureInfo.InvariantCulture, $"vector {i} is all zeros"));
            }

            var inverse = 1 / Math.Sqrt(sumOfSquares);
            var vector = new float[dimensions];
            for (var j = 0; j < dimensions; j++)
            {
                vector[j] = (float)(source[j] * inverse);
            }

            vectors[i] = vector;
        }

        return vectors;
    }

    private static OmniGraphException InvalidResponse(string reason) =>
        new(EmbeddingErrorCodes.InvalidResponse, $"The embedding provider's answer is not usable: {reason}.");
}
