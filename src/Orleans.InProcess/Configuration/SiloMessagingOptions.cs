namespace Orleans.Configuration;

/// <summary>
/// Messaging settings of a silo. The in-process runtime applies its <see cref="MessagingOptions.ResponseTimeout"/>
/// to every call, from grains and from the co-hosted client alike.
/// </summary>
public sealed class SiloMessagingOptions : MessagingOptions
{
}
