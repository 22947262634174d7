using OmniGraph.Arrow;
using Orleans.Serialization.Cloning;

namespace OmniGraph.Abstractions.Serialization;

/// <summary>
/// Arrow batches and columns are immutable after construction (views over buffers nobody writes again), so a copy for
/// a grain call within a silo is the same object: Orleans' <c>[Immutable]</c> promise, for these types wherever they are.
/// </summary>
[RegisterCopier]
public sealed class RecordBatchCopier : ShallowCopier<RecordBatch>;

/// <summary>Pass-through copier of <see cref="ArrowColumn"/> fields (see <see cref="RecordBatchCopier"/>).</summary>
[RegisterCopier]
public sealed class AnyArrowColumnCopier : ShallowCopier<ArrowColumn>;

/// <summary>Pass-through copier of <see cref="Utf8Column"/> fields (see <see cref="RecordBatchCopier"/>).</summary>
[RegisterCopier]
public sealed class Utf8ColumnCopier : ShallowCopier<Utf8Column>;

/// <summary>Pass-through copier of <see cref="BinaryColumn"/> fields (see <see cref="RecordBatchCopier"/>).</summary>
[RegisterCopier]
public sealed class BinaryColumnCopier : ShallowCopier<BinaryColumn>;

/// <summary>Pass-through copier of <see cref="BooleanColumn"/> fields (see <see cref="RecordBatchCopier"/>).</summary>
[RegisterCopier]
public sealed class BooleanColumnCopier : ShallowCopier<BooleanColumn>;

/// <summary>Pass-through copier of <see cref="ListColumn"/> fields (see <see cref="RecordBatchCopier"/>).</summary>
[RegisterCopier]
public sealed class ListColumnCopier : ShallowCopier<ListColumn>;

/// <summary>Pass-through copier of <see cref="FixedSizeListColumn"/> fields (see <see cref="RecordBatchCopier"/>).</summary>
[RegisterCopier]
public sealed class FixedSizeListColumnCopier : ShallowCopier<FixedSizeListColumn>;

/// <summary>Pass-through copier of <see cref="PrimitiveColumn{T}"/> fields (see <see cref="RecordBatchCopier"/>).</summary>
[RegisterCopier]
public sealed class PrimitiveColumnCopier<T> : ShallowCopier<PrimitiveColumn<T>>
    where T : unmanaged;
