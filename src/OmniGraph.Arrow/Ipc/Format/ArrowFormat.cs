namespace OmniGraph.Arrow.Ipc.Format;

/// <summary>
/// Constants of the Arrow IPC format (Schema.fbs, Message.fbs, File.fbs): union type ids, enum values and
/// the vtable slot of every table field we read or write. Slot numbers follow declaration order; a union
/// field takes two slots (its type byte, then its value).
/// </summary>
internal static class ArrowFormat
{
    /// <summary>"ARROW1": the magic at both ends of an IPC file.</summary>
    public static ReadOnlySpan<byte> Magic => "ARROW1"u8;

    /// <summary>The magic plus two bytes of padding to an 8-byte boundary.</summary>
    public const int FileHeaderLength = 8;

    /// <summary>Marks the start of an encapsulated message (since format 0.15).</summary>
    public const uint ContinuationMarker = 0xFFFFFFFF;

    /// <summary>MetadataVersion.V4: accepted when reading (same layout for every type we support).</summary>
    public const short MetadataVersionV4 = 3;

    /// <summary>MetadataVersion.V5: written by us.</summary>
    public const short MetadataVersionV5 = 4;

    public const short EndiannessLittle = 0;

    public const short DateUnitDay = 0;

    public const short DateUnitMillisecond = 1;

    public const short PrecisionHalf = 0;

    public const short PrecisionSingle = 1;

    public const short PrecisionDouble = 2;

    /// <summary>Size of the FieldNode and Buffer structs (two longs).</summary>
    public const int FieldNodeSize = 16;

    public const int BufferSize = 16;

    /// <summary>Size of the Block struct: offset (long), metaDataLength (int) + 4 bytes padding, bodyLength (long).</summary>
    public const int BlockSize = 24;

    /// <summary>Ids of the Type union (Schema.fbs).</summary>
    internal static class TypeIds
    {
        public const byte None = 0;
        public const byte Null = 1;
        public const byte Int = 2;
        public const byte FloatingPoint = 3;
        public const byte Binary = 4;
        public const byte Utf8 = 5;
        public const byte Bool = 6;
        public const byte Decimal = 7;
        public const byte Date = 8;
        public const byte Time = 9;
        public const byte Timestamp = 10;
        public const byte Interval = 11;
        public const byte List = 12;
        public const byte Struct = 13;
        public const byte Union = 14;
        public const byte FixedSizeBinary = 15;
        public const byte FixedSizeList = 16;
        public const byte Map = 17;
        public const byte Duration = 18;
        public const byte LargeBinary = 19;
        public const byte LargeUtf8 = 20;
        public const byte LargeList = 21;
        public const byte RunEndEncoded = 22;
        public const byte BinaryView = 23;
        public const byte Utf8View = 24;
        public const byte ListView = 25;
        public const byte LargeListView = 26;
    }

    /// <summary>Ids of the MessageHeader union (Message.fbs).</summary>
    internal static class MessageHeaderIds
    {
        public const byte Schema = 1;
        public const byte DictionaryBatch = 2;
        public const byte RecordBatch = 3;
        public const byte Tensor = 4;
        public const byte SparseTensor = 5;
    }

    internal static class FieldSlots
    {
        public const int Name = 0;
        public const int Nullable = 1;
        public const int TypeType = 2;
        public const int Type = 3;
        public const int Dictionary = 4;
        public const int Children = 5;
        public const int CustomMetadata = 6;
        public const int Count = 7;
    }

    internal static class SchemaSlots
    {
        public const int Endianness = 0;
        public const int Fields = 1;
        public const int CustomMetadata = 2;
        public const int Features = 3;
        public const int Count = 4;
    }

    internal static class KeyValueSlots
    {
        public const int Key = 0;
        public const int Value = 1;
        public const int Count = 2;
    }

    internal static class IntSlots
    {
        public const int BitWidth = 0;
        public const int IsSigned = 1;
        public const int Count = 2;
    }

    internal static class FloatingPointSlots
    {
        public const int Precision = 0;
        public const int Count = 1;
    }

    internal static class DateSlots
    {
        public const int Unit = 0;
        public const int Count = 1;
    }

    internal static class TimestampSlots
    {
        public const int Unit = 0;
        public const int Timezone = 1;
        public const int Count = 2;
    }

    internal static class FixedSizeListSlots
    {
        public const int ListSize = 0;
        public const int Count = 1;
    }

    internal static class MessageSlots
    {
        public const int Version = 0;
        public const int HeaderType = 1;
        public const int Header = 2;
        public const int BodyLength = 3;
        public const int CustomMetadata = 4;
        public const int Count = 5;
    }

    internal static class RecordBatchSlots
    {
        public const int Length = 0;
        public const int Nodes = 1;
        public const int Buffers = 2;
        public const int Compression = 3;
        public const int VariadicBufferCounts = 4;
        public const int Count = 3;
    }

    internal static class FooterSlots
    {
        public const int Version = 0;
        public const int Schema = 1;
        public const int Dictionaries = 2;
        public const int RecordBatches = 3;
        public const int CustomMetadata = 4;
        public const int Count = 5;
    }
}
