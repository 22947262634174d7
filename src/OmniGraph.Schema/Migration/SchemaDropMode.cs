namespace OmniGraph.Schema.Migration;

/// <summary>How a dropped type or property goes (docs/schema-language.md, "Changing the schema").</summary>
public enum SchemaDropMode : byte
{
    /// <summary>Hidden from the new schema; earlier commits still read it (time travel) until cleanup reclaims them.</summary>
    Soft,

    /// <summary>Asked for with <c>--allow-data-loss</c>: the same image, and the apply acknowledges that the data is given up.</summary>
    Hard,
}
