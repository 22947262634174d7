namespace OmniGraph.Schema;

/// <summary>
/// The stable error codes a <see cref="SchemaException"/> carries, one per rule family. Codes are
/// part of the public contract (the CLI prints them, the HTTP front-end maps them); never rename one.
/// </summary>
public static class SchemaErrorCodes
{
    /// <summary>The text does not match the grammar, or a lexical rule fails (bad escape, unterminated string).</summary>
    public const string ParseError = "schema_parse_error";

    /// <summary>Two node types, two edge types or two interfaces share a name.</summary>
    public const string DuplicateType = "schema_duplicate_type";

    /// <summary>A type or interface declares the same property twice.</summary>
    public const string DuplicateProperty = "schema_duplicate_property";

    /// <summary>An edge endpoint, an implemented interface, or a looked-up type does not exist.</summary>
    public const string UnknownType = "schema_unknown_type";

    /// <summary>A looked-up property does not exist on its type.</summary>
    public const string UnknownProperty = "schema_unknown_property";

    /// <summary>Two edge names are equal after case folding.</summary>
    public const string NameCollision = "schema_name_collision";

    /// <summary>A type, edge, interface or property name is longer than <see cref="SchemaLimits.MaxNameLength"/> characters.</summary>
    public const string NameTooLong = "schema_name_too_long";

    /// <summary>A property uses a name reserved for physical storage columns.</summary>
    public const string ReservedName = "schema_reserved_name";

    /// <summary>A property type is not well formed (Vector dimension out of range, list of Blob).</summary>
    public const string InvalidType = "schema_invalid_type";

    /// <summary>An annotation is not allowed where it is written, has the wrong arguments, or repeats.</summary>
    public const string InvalidAnnotation = "schema_invalid_annotation";

    /// <summary>A body constraint or <c>@card</c> is invalid for its target.</summary>
    public const string InvalidConstraint = "schema_invalid_constraint";

    /// <summary>A node's <c>implements</c> list conflicts with the node or repeats an interface.</summary>
    public const string InterfaceConflict = "schema_interface_conflict";

    /// <summary>A <c>@check</c> pattern is not a valid linear-time regular expression (raised at first use).</summary>
    public const string InvalidCheckPattern = "schema_invalid_check_pattern";

    /// <summary>A schema IR document is malformed, of an unsupported version, or internally inconsistent.</summary>
    public const string InvalidIr = "schema_invalid_ir";
}
