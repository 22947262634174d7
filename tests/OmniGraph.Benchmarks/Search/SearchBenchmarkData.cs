using System.Numerics.Tensors;
using System.Text;
using OmniGraph.Arrow;

namespace OmniGraph.Benchmarks.Search;

/// <summary>
/// The search benchmark's generated data set (deterministic from a seed): short documents over a Zipf-distributed
/// vocabulary of pseudo-words mixed with English stop words, and embedding-like vectors. Real text embeddings have a
/// low intrinsic dimension (a few dozen directions carry most of their variance) and form topic clusters; uniform random
/// 384-dim vectors have neither and are no model of them. So each vector is a random linear image of a
/// <see cref="LatentDimensions"/>-dim latent point (32 by default; more makes neighbours harder to find) drawn from topic
/// clusters, plus small full-rank noise, L2-normalized.
/// Queries come from the same distribution but are not rows of the table.
/// </summary>
public sealed class SearchBenchmarkData
{
    public const int DefaultLatentDimensions = 32;
    private const int Topics = 512;
    private const int VocabularySize = 30_000;

    private static readonly string[] s_stopWords = ["the", "a", "of", "and", "to", "in", "is", "with", "for", "on"];
    private static readonly string[] s_onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "st", "tr", "pl", "gr"];
    private static readonly string[] s_vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ee"];

    private readonly Xorshift _random;
    private readonly string[] _vocabulary;
    private readonly double[] _zipfCumulative;
    private readonly float[] _projection;
    private readonly float[] _topicCentres;

    public SearchBenchmarkData(int dimensions, int latentDimensions = DefaultLatentDimensions, ulong seed = 0x0DDBA11)
    {
        Dimensions = dimensions;
        LatentDimensions = latentDimensions;
        _random = new Xorshift(seed);
        _vocabulary = BuildVocabulary(_random);
        _zipfCumulative = new double[VocabularySize];
        double total = 0;
        for (var rank = 0; rank < VocabularySize; rank++)
        {
            total += 1.0 / (rank + 1);
            _zipfCumulative[rank] = total;
        }

        for (var rank = 0; rank < VocabularySize; rank++)
        {
            _zipfCumulative[rank] /= total;
        }

        _projection = new float[dimensions * LatentDimensions];
        for (var i = 0; i < _projection.Length; i++)
        {
            _projection[i] = _random.NextGaussian();
        }

        _topicCentres = new float[Topics * LatentDimensions];
        for (var i = 0; i < _topicCentres.Length; i++)
        {
            _topicCentres[i] = _random.NextGaussian() * 2;
        }
    }

    public int Dimensions { get; }

    /// <summary>The intrinsic dimension of the vectors (the latent space the topic clusters live in).</summary>
    public int LatentDimensions { get; }

    /// <summary>The vocabulary word of Zipf rank <paramref name="rank"/> (0 = most frequent).</summary>
    public string Word(int rank) => _vocabulary[rank];

    /// <summary>One document: 6 to 14 words, about one in five a stop word.</summary>
    public string NextDocument(StringBuilder builder)
    {
        builder.Clear();
        var words = 6 + (int)(_random.NextUInt() % 9);
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
            {
                builder.Append(' ');
            }

            builder.Append(_random.NextDouble() < 0.2 ? s_stopWords[_random.NextUInt() % (uint)s_stopWords.Length] : _vocabulary[NextZipfRank()]);
        }

        return builder.ToString();
    }

    /// <summary>One embedding-like vector into <paramref name="destination"/> (length <see cref="Dimensions"/>).</summary>
    public void NextVector(Span<float> destination)
    {
        Span<float> latent = stackalloc float[LatentDimensions];
        var topic = (int)(_random.NextUInt() % Topics);
        for (var j = 0; j < LatentDimensions; j++)
        {
            latent[j] = _topicCentres[(topic * LatentDimensions) + j] + _random.NextGaussian();
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = TensorPrimitives.Dot(latent, _projection.AsSpan(i * LatentDimensions, LatentDimensions)) + (0.5f * _random.NextGaussian());
        }

        TensorPrimitives.Divide(destination, TensorPrimitives.Norm(destination), destination);
    }

    /// <summary>A text column of <paramref name="rows"/> documents.</summary>
    public Utf8Column Documents(int rows)
    {
        var builder = new Utf8ColumnBuilder();
        var text = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            builder.Append(NextDocument(text));
        }

        return builder.Build();
    }

    /// <summary>A <c>Vector(Dimensions)</c> column of <paramref name="rows"/> vectors.</summary>
    public FixedSizeListColumn Vectors(int rows)
    {
        var builder = new FixedSizeListColumnBuilder(ArrowType.Vector(Dimensions));
        var vector = new float[Dimensions];
        for (var row = 0; row < rows; row++)
        {
            NextVector(vector);
            builder.AppendValues<float>(vector);
        }

        return builder.Build();
    }

    private int NextZipfRank()
    {
        var index = Array.BinarySearch(_zipfCumulative, _random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, VocabularySize - 1);
    }

    private static string[] BuildVocabulary(Xorshift random)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>(VocabularySize);
        var builder = new StringBuilder();
        while (ordered.Count < VocabularySize)
        {
            builder.Clear();
            var syllables = 2 + (int)(random.NextUInt() % 3);
            for (var s = 0; s < syllables; s++)
            {
                builder.Append(s_onsets[random.NextUInt() % (uint)s_onsets.Length]).Append(s_vowels[random.NextUInt() % (uint)s_vowels.Length]);
            }

            if (random.NextUInt() % 2 == 0)
            {
                builder.Append(s_onsets[random.NextUInt() % (uint)s_onsets.Length]);
            }

            var word = builder.ToString();
            if (words.Add(word))
            {
                ordered.Add(word);
            }
        }

        return [.. ordered];
    }

    /// <summary>xorshift64 with a Box-Muller Gaussian: fast, seedable, the same sequence on every machine.</summary>
    private sealed class Xorshift(ulong seed)
    {
        private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

        public uint NextUInt()
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            return (uint)(_state >> 32);
        }

        public double NextDouble() => (NextUInt() + 0.5) / 4294967296.0;

        public float NextGaussian() => (float)(Math.Sqrt(-2 * Math.Log(NextDouble())) * Math.Cos(2 * Math.PI * NextDouble()));
    }
}
