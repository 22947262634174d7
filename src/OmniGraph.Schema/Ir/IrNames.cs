namespace OmniGraph.Schema.Ir;

/// <summary>The fixed strings the IR uses for enumerations, and their parsing.</summary>
internal static class IrNames
{
    public const string Scalar = "scalar";
    public const string List = "list";
    public const string Vector = "vector";
    public const string Enum = "enum";

    public static string Of(ConstraintKind kind) => kind switch
    {
        ConstraintKind.Key => "key",
        ConstraintKind.Unique => "unique",
        ConstraintKind.Index => "index",
        ConstraintKind.Range => "range",
        _ => "check",
    };

    public static bool TryParseConstraintKind(string? text, out ConstraintKind kind)
    {
        switch (text)
        {
            case "key": kind = ConstraintKind.Key; return true;
            case "unique": kind = ConstraintKind.Unique; return true;
            case "index": kind = ConstraintKind.Index; return true;
            case "range": kind = ConstraintKind.Range; return true;
            case "check": kind = ConstraintKind.Check; return true;
            default: kind = default; return false;
        }
    }

    public static string Of(ConstraintOrigin origin) => origin switch
    {
        ConstraintOrigin.Body => "body",
        ConstraintOrigin.PropertyAnnotation => "property",
        _ => "interface",
    };

    public static bool TryParseOrigin(string? text, out ConstraintOrigin origin)
    {
        switch (text)
        {
            case "body": origin = ConstraintOrigin.Body; return true;
            case "property": origin = ConstraintOrigin.PropertyAnnotation; return true;
            case "interface": origin = ConstraintOrigin.Interface; return true;
            default: origin = default; return false;
        }
    }

    public static string Of(LiteralKind kind) => kind switch
    {
        LiteralKind.String => "string",
        LiteralKind.Identifier => "identifier",
        LiteralKind.Integer => "integer",
        LiteralKind.Float => "float",
        _ => "bool",
    };

    public static bool TryParseLiteralKind(string? text, out LiteralKind kind)
    {
        switch (text)
        {
            case "string": kind = LiteralKind.String; return true;
            case "identifier": kind = LiteralKind.Identifier; return true;
            case "integer": kind = LiteralKind.Integer; return true;
            case "float": kind = LiteralKind.Float; return true;
            case "bool": kind = LiteralKind.Bool; return true;
            default: kind = default; return false;
        }
    }
}
