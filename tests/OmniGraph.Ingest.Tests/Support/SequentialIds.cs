namespace OmniGraph.Ingest.Tests.Support;

/// <summary>A deterministic id generator, so two intakes of the same input produce byte-identical batches.</summary>
internal sealed class SequentialIds
{
    private long _next;

    /// <summary>Reserves <paramref name="count"/> consecutive ids and returns the first (the intake's id ranges).</summary>
    public Ulid Reserve(int count)
    {
        var first = Ulid.Parse(Text(_next + 1));
        _next += count;
        return first;
    }

    private static string Text(long value)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var text = new char[Ulid.Length];
        for (var i = Ulid.Length - 1; i >= 0; i--)
        {
            text[i] = alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(text);
    }
}
