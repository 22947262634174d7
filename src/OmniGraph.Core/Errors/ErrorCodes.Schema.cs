namespace OmniGraph;

/// <summary>The schema language's codes (<c>.pg</c>), one per rule family.</summary>
public static partial class ErrorCodes
{
    /// <summary>The text does not match the grammar, or a lexical rule fails (bad escape, unterminated string).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaParseError = "schema_parse_error";

    /// <summary>Two node types, two edge types or two interfaces share a name.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaDuplicateType = "schema_duplicate_type";

    /// <summary>A type or interface declares the same property twice.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaDuplicateProperty = "schema_duplicate_property";

    /// <summary>An edge endpoint, an implemented interface, or a looked-up type does not exist.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaUnknownType = "schema_unknown_type";

    /// <summary>A looked-up property does not exist on its type.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaUnknownProperty = "schema_unknown_property";

    /// <summary>Two edge names are equal after case folding.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaNameCollision = "schema_name_collision";

    /// <summary>A type, edge, interface or property name is longer than 128 characters.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaNameTooLong = "schema_name_too_long";

    /// <summary>A property uses a name reserved for physical storage columns.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaReservedName = "schema_reserved_name";

    /// <summary>A property type is not well formed (Vector dimension out of range, list of Blob).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaInvalidType = "schema_invalid_type";

    /// <summary>An annotation is not allowed where it is written, has the wrong arguments, or repeats.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaInvalidAnnotation = "schema_invalid_annotation";

    /// <summary>
    /// A <c>@default(…)</c> value is not of its property's type (an integer out of range, an unknown enum value, a bad
    /// Date), repeats, or is written where a default is not allowed (a <c>@key</c> member, a Vector or Blob property, a type).
    /// </summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaInvalidDefault = "schema_invalid_default";

    /// <summary>A <c>@default(…)</c> value breaks its property's own <c>@range</c> or <c>@check</c>: every row that used it would be refused.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaDefaultViolatesConstraint = "schema_default_violates_constraint";

    /// <summary>A body constraint or <c>@card</c> is invalid for its target.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaInvalidConstraint = "schema_invalid_constraint";

    /// <summary>A node's <c>implements</c> list conflicts with the node or repeats an interface.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaInterfaceConflict = "schema_interface_conflict";

    /// <summary>A <c>@check</c> pattern is not a valid linear-time regular expression (raised at first use).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaInvalidCheckPattern = "schema_invalid_check_pattern";

    /// <summary>A schema IR document is malformed, of an unsupported version, or internally inconsistent.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SchemaInvalidIr = "schema_invalid_ir";
}
