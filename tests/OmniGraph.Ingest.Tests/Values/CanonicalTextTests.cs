using System.Globalization;
using System.Text;

namespace OmniGraph.Ingest.Tests.Values;

/// <summary>Canonical float text: plain decimal (no exponent), shortest, and exact on round trip at the stored width.</summary>
public sealed class CanonicalTextTests
{
    [Fact]
    public void Float64Text_RoundTripsWithoutExponent()
    {
        var random = new Random(42);
        Span<byte> buffer = stackalloc byte[CanonicalText.MaxFloatLength];
        for (var i = 0; i < 20000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value))
            {
                continue;
            }

            var text = Encoding.ASCII.GetString(buffer[..CanonicalText.WriteFloat(value, isSingle: false, buffer)]);

            Assert.DoesNotContain('E', text);
            Assert.DoesNotContain('e', text);
            Assert.False(text.EndsWith(".0", StringComparison.Ordinal), text);
            Assert.Equal(value == 0 ? 0 : value, double.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Float32Text_RoundTripsAtSingleWidth()
    {
        var random = new Random(43);
        Span<byte> buffer = stackalloc byte[CanonicalText.MaxFloatLength];
        for (var i = 0; i < 20000; i++)
        {
            var value = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
            if (!float.IsFinite(value))
            {
                continue;
            }

            var text = Encoding.ASCII.GetString(buffer[..CanonicalText.WriteFloat(value, isSingle: true, buffer)]);

            Assert.DoesNotContain('E', text);
            Assert.Equal(value == 0 ? 0f : value, float.Parse(text, CultureInfo.InvariantCulture));
            Assert.True(text.Length <= ShortestLength(value) + 50, text);
        }
    }

    private static int ShortestLength(float value) => value.ToString("R", CultureInfo.InvariantCulture).Length;
}
