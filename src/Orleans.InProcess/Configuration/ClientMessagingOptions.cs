namespace Orleans.Configuration;

/// <summary>
/// Messaging settings of an external client. The in-process runtime has only the co-hosted client, which uses
/// <see cref="SiloMessagingOptions"/>; this type exists so client configuration code compiles unchanged.
/// </summary>
public sealed class ClientMessagingOptions : MessagingOptions
{
}
