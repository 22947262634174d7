namespace OmniGraph.Ingest.Tests.Support;

/// <summary>A deterministic id generator, so two intakes of the same input produce byte-identical batches.</summary>
internal sealed class SequentialIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private long _next;

    public Ulid Next()
    {
        var value = ++_next;
        var text = new char[Ulid.Length];
        for (var i = Ulid.Length - 1; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return Ulid.Parse(new string(text));
    }
}
