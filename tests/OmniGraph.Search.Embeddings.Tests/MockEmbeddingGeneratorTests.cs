using Microsoft.Extensions.AI;

namespace OmniGraph.Search.Embeddings.Tests;

public sealed class MockEmbeddingGeneratorTests
{
    [Fact]
    public void Vectors_FollowTheSpecAlgorithm()
    {
        // Computed independently (Python) from §2.6.1: FNV-1a-64 seed, xorshift64 per component, (float)(seed / 2^64-1) * 2 - 1, L2-normalized.
        Assert.Equal([-0.35281405f, 0.57437843f, 0.49150065f, -0.55139714f], MockEmbeddingGenerator.Embed("hello", 4), new FloatEquality(1e-6f));
        Assert.Equal([0.29885998f, 0.67851347f, -0.6710456f], MockEmbeddingGenerator.Embed("graph databases", 3), new FloatEquality(1e-6f));
    }

    [Fact]
    public void Vectors_AreDeterministicUnitVectors_AndDifferPerText()
    {
        var a = MockEmbeddingGenerator.Embed("alpha", 384);
        var b = MockEmbeddingGenerator.Embed("beta", 384);

        Assert.Equal(a, MockEmbeddingGenerator.Embed("alpha", 384));
        Assert.NotEqual(a, b);
        Assert.Equal(1, Math.Sqrt(a.Sum(static v => (double)v * v)), 5);
        Assert.All(a, static v => Assert.InRange(v, -1, 1));
    }

    [Fact]
    public async Task Generator_UsesTheRequestedDimension_AndRequiresOne()
    {
        using var generator = new MockEmbeddingGenerator();

        var embeddings = await generator.GenerateAsync(["x", "y"], new EmbeddingGenerationOptions { Dimensions = 5 });

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(MockEmbeddingGenerator.Embed("y", 5), embeddings[1].Vector.ToArray());
        Assert.Equal("mock", generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
        await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(["x"]));
    }

    private sealed class FloatEquality(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
