using System.Collections;
using System.Reflection;
using OmniGraph.Arrow;

namespace OmniGraph.Execution.Tests.Serialization;

/// <summary>
/// Structural equality of wire values, member by member: every public property (so a member the serializer drops —
/// one without <c>[Id]</c> — is caught), sequences element by element, Arrow data by content, errors by type, code,
/// kind, message, details and inner error.
/// </summary>
internal static class WireEquality
{
    public static void AssertEqual(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}");
        switch (expected)
        {
            case string or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum:
            case var _ when expected.GetType().IsPrimitive:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                return;
            case ReadOnlyMemory<byte> bytes:
                Assert.True(bytes.Span.SequenceEqual(((ReadOnlyMemory<byte>)actual).Span), $"{path}: the bytes changed");
                return;
            case RecordBatch batch:
            {
                var other = (RecordBatch)actual;
                Assert.True(batch.Schema.Equals(other.Schema), $"{path}: schema {batch.Schema} became {other.Schema}");
                Assert.Equal(batch.Length, other.Length);
                for (var i = 0; i < batch.Columns.Count; i++)
                {
                    Assert.True(batch.Columns[i].ContentEquals(other.Columns[i]), $"{path}.{batch.Schema.Fields[i].Name}: {batch.Columns[i]} became {other.Columns[i]}");
                }

                return;
            }

            case ArrowColumn column:
                Assert.True(column.ContentEquals((ArrowColumn)actual), $"{path}: {column} became {actual}");
                return;
            case OmniGraphException error:
            {
                var other = (OmniGraphException)actual;
                Assert.Equal((error.Code, error.Kind, error.Message), (other.Code, other.Kind, other.Message));
                Assert.Equal(error.Details.Select(static d => (d.Key, d.Value)), other.Details.Select(static d => (d.Key, d.Value)));
                AssertEqual(error.InnerException, other.InnerException, $"{path}.InnerException");
                return;
            }

            case Exception error:
                Assert.Equal(error.Message, ((Exception)actual).Message);
                return;
            case IEnumerable sequence:
            {
                var left = sequence.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(left.Count == right.Count, $"{path}: {left.Count} elements became {right.Count}");
                for (var i = 0; i < left.Count; i++)
                {
                    AssertEqual(left[i], right[i], $"{path}[{i}]");
                }

                return;
            }
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            AssertEqual(Read(property, expected), Read(property, actual), $"{path}.{property.Name}");
        }
    }

    /// <summary>A property's value, or the type of the exception its getter throws (a computed member of a sample).</summary>
    private static object? Read(PropertyInfo property, object instance)
    {
        try
        {
            return property.GetValue(instance);
        }
        catch (TargetInvocationException exception)
        {
            return $"throws {exception.InnerException?.GetType().Name}";
        }
    }
}
