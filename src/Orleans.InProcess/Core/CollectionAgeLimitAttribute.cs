namespace Orleans;

/// <summary>On a grain class: how long an activation may stay idle before it is collected.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    /// <summary>The smallest age limit Orleans accepts.</summary>
    public static readonly TimeSpan MinAgeLimit = TimeSpan.FromMinutes(1);

    /// <summary>Creates the attribute; set <see cref="Minutes"/>, <see cref="Hours"/>, <see cref="Days"/> or <see cref="AlwaysActive"/>.</summary>
    public CollectionAgeLimitAttribute()
    {
    }

    /// <summary>Creates the attribute from a <see cref="TimeSpan"/> string such as <c>"00:05:00"</c>.</summary>
    public CollectionAgeLimitAttribute(string inactivityPeriod)
    {
        ArgumentException.ThrowIfNullOrEmpty(inactivityPeriod);
        var period = TimeSpan.Parse(inactivityPeriod, System.Globalization.CultureInfo.InvariantCulture);
        Minutes = period.TotalMinutes;
    }

    /// <summary>Minutes of idleness.</summary>
    public double Minutes { get; set; }

    /// <summary>Hours of idleness.</summary>
    public double Hours { get; set; }

    /// <summary>Days of idleness.</summary>
    public double Days { get; set; }

    /// <summary>Never collect (same as <see cref="KeepAliveAttribute"/>).</summary>
    public bool AlwaysActive { get; set; }

    /// <summary>The limit: the sum of the parts, at least <see cref="MinAgeLimit"/>; infinite when <see cref="AlwaysActive"/>.</summary>
    public TimeSpan AgeLimit
    {
        get
        {
            if (AlwaysActive)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var limit = TimeSpan.FromDays(Days) + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes);
            return limit < MinAgeLimit ? MinAgeLimit : limit;
        }
    }
}
