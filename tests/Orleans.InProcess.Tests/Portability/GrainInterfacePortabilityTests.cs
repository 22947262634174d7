using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Portability.Samples;
using Orleans.TestingHost;

namespace Orleans.InProcess.Tests.Portability;

/// <summary>The grain-interface portability checker catches every rule break and accepts every portable form.</summary>
public sealed class GrainInterfacePortabilityTests
{
    [Fact]
    public void CleanInterface_HasNoViolations()
        => Assert.Empty(GrainInterfacePortability.CheckInterface(typeof(ICleanGrain)));

    [Fact]
    public void SynchronousReturn_IsReported()
    {
        var violation = Assert.Single(GrainInterfacePortability.CheckInterface(typeof(ISyncReturnSample)));
        Assert.Equal(PortabilityRule.ReturnType, violation.Rule);
        Assert.Equal("Count()", violation.Method);
    }

    [Fact]
    public void TwoCancellationTokens_AreReported()
    {
        var violation = Assert.Single(GrainInterfacePortability.CheckInterface(typeof(ITwoTokensSample)));
        Assert.Equal(PortabilityRule.CancellationToken, violation.Rule);
        Assert.Equal("parameter 'second'", violation.Location);
    }

    [Fact]
    public void CancellationTokenNotLast_IsReported()
    {
        var violation = Assert.Single(GrainInterfacePortability.CheckInterface(typeof(ITokenNotLastSample)));
        Assert.Equal(PortabilityRule.CancellationToken, violation.Rule);
        Assert.Contains("last", violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ByReferenceParameter_IsReported()
        => Assert.Equal(PortabilityRule.ByReferenceParameter, Assert.Single(GrainInterfacePortability.CheckInterface(typeof(IByRefSample))).Rule);

    [Fact]
    public void GenericMethod_IsReported()
        => Assert.Contains(GrainInterfacePortability.CheckInterface(typeof(IGenericMethodSample)), v => v.Rule == PortabilityRule.GenericMethod);

    /// <summary>Each non-portable type is reported once, at its position, naming the offending type.</summary>
    [Fact]
    public void MutableOrUnserializableTypes_AreReportedWithTheirPath()
    {
        var violations = GrainInterfacePortability.CheckInterface(typeof(IMutableArgumentsSample));
        Assert.All(violations, v => Assert.Equal(PortabilityRule.NotSerializable, v.Rule));

        var found = violations.Select(v => (v.Method.Split('(')[0], v.OffendingType)).ToArray();
        Assert.Equal(
            [
                ("Lists", typeof(List<int>)),
                ("Lists", typeof(Dictionary<string, int>)),
                ("Nested", typeof(PlainClass)),
                ("Nested", typeof(PlainClass)),
                ("Plain", typeof(PlainClass)),
                ("Records", typeof(MutableRecord)),
                ("Records", typeof(List<int>)),
                ("Untyped", typeof(object)),
                ("Untyped", typeof(object)),
            ],
            found);
        Assert.Contains(violations, v => v.Location == "parameter 'member' → RecordWithMutableMember.Values");
        Assert.Contains(violations, v => v.Location.StartsWith("parameter 'page' → PlainClass in Page<PlainClass>", StringComparison.Ordinal));
    }

    [Fact]
    public void FindGrainInterfaces_FindsGrainInterfacesOnly_InNameOrder()
    {
        var found = GrainInterfacePortability.FindGrainInterfaces([typeof(ICleanGrain).Assembly]);

        Assert.Contains(typeof(ICleanGrain), found);
        Assert.Contains(typeof(ICounterGrain), found);
        Assert.DoesNotContain(typeof(IGrainWithStringKey), found);
        Assert.DoesNotContain(typeof(PlainClass), found);
        Assert.Equal(found.OrderBy(t => t.FullName, StringComparer.Ordinal), found);
    }

    /// <summary>Dogfooding: every grain interface the runtime tests call is portable (except the deliberately bad ones).</summary>
    [Fact]
    public void RuntimeTestGrainInterfaces_ArePortable()
    {
        var intentionallyBad = new HashSet<Type>
        {
            typeof(ISyncReturnGrain), typeof(IGenericMethodGrain), typeof(IRefParameterGrain), typeof(IPropertyGrain),
        };
        var violations = GrainInterfacePortability.Check(typeof(ICounterGrain).Assembly)
            .Where(v => v.Interface.Namespace == typeof(ICounterGrain).Namespace && !intentionallyBad.Contains(v.Interface))
            .ToList();

        Assert.True(violations.Count == 0, new GrainInterfacePortabilityException(violations).Message);
    }

    [Fact]
    public void AssertPortable_ThrowsWithEveryViolationListed()
    {
        var error = Assert.Throws<GrainInterfacePortabilityException>(() => GrainInterfacePortability.AssertPortable([typeof(ICleanGrain).Assembly]));

        Assert.Contains(nameof(ISyncReturnSample), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IMutableArgumentsSample), error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Violations.Count, error.Message.Split('\n').Length - 1);
    }

    [Fact]
    public void NonGrainType_IsRejected()
        => Assert.Throws<ArgumentException>(() => GrainInterfacePortability.CheckInterface(typeof(PlainClass)));
}
