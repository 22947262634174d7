using OmniGraph.Schema.Ir;

namespace OmniGraph.Schema;

public sealed partial class SchemaCatalog
{
    private readonly Lazy<SerializedForm> _serialized;

    /// <summary>
    /// SHA-256 (lowercase hex) of the canonical IR JSON: identifies this exact schema version, identities
    /// included. Computed once.
    /// </summary>
    public string ContentHash => _serialized.Value.ContentHash;

    /// <summary>The canonical (compact) IR JSON as UTF-8. Computed once.</summary>
    public ReadOnlyMemory<byte> CanonicalIrUtf8 => _serialized.Value.Utf8;

    /// <summary>A fresh IR document describing this catalog completely.</summary>
    public SchemaIr ToIr() => SchemaIrMapper.ToIr(this);

    /// <summary>The IR as JSON text: canonical compact form, or indented for people.</summary>
    public string ToIrJson(bool indented = false) => SchemaIrSerializer.Serialize(ToIr(), indented);

    /// <summary>
    /// Prints the catalog as canonical <c>.pg</c> source (what <c>schema show</c> prints). Comments and layout
    /// of the original text are not preserved; parsing the output yields an equal catalog.
    /// </summary>
    public string Print() => SchemaPrinter.Print(this);

    private SerializedForm Serialize()
    {
        var utf8 = SchemaIrSerializer.SerializeToUtf8Bytes(ToIr());
        return new SerializedForm(utf8, SchemaIrSerializer.ComputeContentHash(utf8));
    }

    private sealed record SerializedForm(byte[] Utf8, string ContentHash);
}
