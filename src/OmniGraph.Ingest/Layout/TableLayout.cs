using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using OmniGraph.Arrow;
using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// The physical columns of one node or edge table: how a catalog type is stored as Arrow record batches.
/// Node tables hold <c>id</c> then one column per property; edge tables hold <c>id</c>, <c>src</c>, <c>dst</c>
/// (endpoint node ids) then the edge's properties. Property columns follow the type's declaration order and carry
/// the property's stable id in field metadata, so stored fragments stay attributable after a rename.
/// </summary>
/// <remarks>
/// One instance per type is cached on first use (<see cref="For(GraphElementType)"/>); layouts are immutable.
/// </remarks>
public sealed class TableLayout
{
    /// <summary>Name of the entity id column (non-null UTF-8) present in every table.</summary>
    public const string IdColumnName = "id";

    /// <summary>Name of an edge table's source-node id column.</summary>
    public const string SourceColumnName = "src";

    /// <summary>Name of an edge table's target-node id column.</summary>
    public const string TargetColumnName = "dst";

    /// <summary>Field metadata key holding a property column's stable property id.</summary>
    public const string PropertyIdMetadataKey = "omnigraph.property_id";

    /// <summary>Schema metadata key holding the table key (<c>node:Person</c>).</summary>
    public const string TableMetadataKey = "omnigraph.table";

    /// <summary>Schema metadata key holding the table's stable type id.</summary>
    public const string TableIdMetadataKey = "omnigraph.table_id";

    /// <summary>Column index of <c>id</c>.</summary>
    public const int IdColumnIndex = 0;

    /// <summary>Column index of <c>src</c> in an edge table.</summary>
    public const int SourceColumnIndex = 1;

    /// <summary>Column index of <c>dst</c> in an edge table.</summary>
    public const int TargetColumnIndex = 2;

    private const string ItemFieldName = "item";

    private static readonly ConditionalWeakTable<GraphElementType, TableLayout> s_layouts = new();

    private TableLayout(GraphElementType type)
    {
        Type = type;
        FirstPropertyColumn = type.Kind == ElementKind.Edge ? 3 : 1;

        var fields = ImmutableArray.CreateBuilder<ArrowField>(FirstPropertyColumn + type.Properties.Length);
        fields.Add(new ArrowField(IdColumnName, ArrowType.Utf8, isNullable: false));
        if (type.Kind == ElementKind.Edge)
        {
            fields.Add(new ArrowField(SourceColumnName, ArrowType.Utf8, isNullable: false));
            fields.Add(new ArrowField(TargetColumnName, ArrowType.Utf8, isNullable: false));
        }

        foreach (var property in type.Properties)
        {
            var metadata = ArrowMetadata.Of((PropertyIdMetadataKey, property.StableId.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new ArrowField(property.Name, ArrowTypeOf(property.Type), property.IsNullable, metadata));
        }

        Schema = new ArrowSchema(
            fields.MoveToImmutable(),
            ArrowMetadata.Of(
                (TableMetadataKey, type.TableName),
                (TableIdMetadataKey, type.StableId.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>The catalog type this table stores.</summary>
    public GraphElementType Type { get; }

    /// <summary>The table key, <c>node:Person</c> or <c>edge:Knows</c>.</summary>
    public string TableName => Type.TableName;

    /// <summary><c>true</c> for an edge table (which has <c>src</c> and <c>dst</c>).</summary>
    public bool IsEdge => Type.Kind == ElementKind.Edge;

    /// <summary>The Arrow schema of every fragment of this table.</summary>
    public ArrowSchema Schema { get; }

    /// <summary>Index of the first property column (1 for nodes, 3 for edges).</summary>
    public int FirstPropertyColumn { get; }

    /// <summary>Number of columns (physical plus properties).</summary>
    public int ColumnCount => Schema.FieldCount;

    /// <summary>The layout of <paramref name="type"/> (cached per type instance).</summary>
    public static TableLayout For(GraphElementType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return s_layouts.GetValue(type, static t => new TableLayout(t));
    }

    /// <summary>Column index of a property of this table's type.</summary>
    public int ColumnOf(Property property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (!ReferenceEquals(property.Owner, Type))
        {
            throw new ArgumentException($"property {property.QualifiedName} does not belong to {Type.TableName}", nameof(property));
        }

        return FirstPropertyColumn + property.Ordinal;
    }

    /// <summary>The property stored in column <paramref name="columnIndex"/>, or <c>null</c> for a physical column.</summary>
    public Property? PropertyAt(int columnIndex) =>
        columnIndex >= FirstPropertyColumn && columnIndex < ColumnCount ? Type.Properties[columnIndex - FirstPropertyColumn] : null;

    /// <summary>
    /// The Arrow type a property type is stored as: scalars map one to one (Date → Date32 days, DateTime →
    /// Timestamp(ms, UTC), Blob → Binary, enum → Utf8), <c>[T]</c> → List of non-null T, <c>Vector(N)</c> →
    /// FixedSizeList(N) of non-null Float32. Nullability belongs to the field, not the type.
    /// </summary>
    public static ArrowType ArrowTypeOf(PropertyType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            PropertyTypeKind.Scalar => ArrowTypeOf(type.Scalar),
            PropertyTypeKind.Enum => ArrowType.Utf8,
            PropertyTypeKind.List => ArrowType.List(new ArrowField(ItemFieldName, ArrowTypeOf(type.Scalar), isNullable: false)),
            PropertyTypeKind.Vector => ArrowType.FixedSizeList(new ArrowField(ItemFieldName, ArrowType.Float32, isNullable: false), type.VectorDimension),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "unknown property type shape"),
        };
    }

    /// <summary>The Arrow type of one scalar kind.</summary>
    public static ArrowType ArrowTypeOf(ScalarKind scalar) => scalar switch
    {
        ScalarKind.String => ArrowType.Utf8,
        ScalarKind.Bool => ArrowType.Boolean,
        ScalarKind.I32 => ArrowType.Int32,
        ScalarKind.I64 => ArrowType.Int64,
        ScalarKind.U32 => ArrowType.UInt32,
        ScalarKind.U64 => ArrowType.UInt64,
        ScalarKind.F32 => ArrowType.Float32,
        ScalarKind.F64 => ArrowType.Float64,
        ScalarKind.Date => ArrowType.Date32,
        ScalarKind.DateTime => ArrowType.TimestampMillisecondUtc,
        ScalarKind.Blob => ArrowType.Binary,
        _ => throw new ArgumentOutOfRangeException(nameof(scalar), scalar, "unknown scalar kind"),
    };
}
