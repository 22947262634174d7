using System.Text;
using OmniGraph.Tables.Indexes;

namespace OmniGraph.Tables.Tests.Indexes;

/// <summary>The distinct-key set a load's endpoint digests fill: each key once, in first-seen order, through its growth.</summary>
public sealed class DistinctKeyCollectorTests
{
    [Fact]
    public void KeepsEachKeyOnce_InFirstSeenOrder_AcrossGrowth()
    {
        var collector = new DistinctKeyCollector();
        var expected = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            // 5,000 distinct keys of varying length (the empty key and a long one included), each offered three times.
            for (var i = 0; i < 5_000; i++)
            {
                var key = i switch
                {
                    0 => string.Empty,
                    1 => new string('x', 70_000),
                    _ => $"p{i}" + new string('-', i % 7),
                };
                collector.Add(Encoding.UTF8.GetBytes(key));
                if (round == 0)
                {
                    expected.Add(key);
                }
            }
        }

        Assert.Equal(expected.Count, collector.Count);
        var column = collector.ToColumn();
        Assert.Equal(expected.Count, column.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], column.GetString(i));
        }
    }

    [Fact]
    public void TellsApartKeysThatDifferOnlyInTheirLastByte()
    {
        var collector = new DistinctKeyCollector();
        collector.Add("ab"u8);
        collector.Add("ac"u8);
        collector.Add("ab"u8);
        collector.Add("a"u8);
        collector.Add("abc"u8);

        var column = collector.ToColumn();
        Assert.Equal(["ab", "ac", "a", "abc"], Enumerable.Range(0, column.Length).Select(column.GetString));
    }
}
