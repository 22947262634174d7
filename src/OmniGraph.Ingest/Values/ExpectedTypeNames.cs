using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>How "expects …" messages name a property type: storage names for numbers (<c>Int32</c>, <c>Float64</c>), schema names otherwise.</summary>
internal static class ExpectedTypeNames
{
    public static string Of(ScalarKind kind) => kind switch
    {
        ScalarKind.String => "String",
        ScalarKind.Bool => "Boolean",
        ScalarKind.I32 => "Int32",
        ScalarKind.I64 => "Int64",
        ScalarKind.U32 => "UInt32",
        ScalarKind.U64 => "UInt64",
        ScalarKind.F32 => "Float32",
        ScalarKind.F64 => "Float64",
        ScalarKind.Date => "Date",
        ScalarKind.DateTime => "DateTime",
        ScalarKind.Blob => "Blob",
        _ => kind.ToString(),
    };

    public static string Of(PropertyType type) => type.Kind switch
    {
        PropertyTypeKind.Scalar => Of(type.Scalar),
        _ => type.WithNullable(false).DisplayName,
    };
}
