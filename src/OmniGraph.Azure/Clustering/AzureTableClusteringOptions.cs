using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using OmniGraph.Storage.Azure;

namespace OmniGraph.Azure;

/// <summary>
/// Where a cluster keeps its membership: a table in the storage account's table service (Orleans' Azure Table
/// clustering). The account is given as in <see cref="AzureBlobAccountOptions"/>: a connection string (an account key, a
/// SAS, Azurite's), or a table service URI with a credential (default <see cref="DefaultAzureCredential"/>; the identity
/// needs <i>Storage Table Data Contributor</i>), or neither: <c>AZURE_STORAGE_CONNECTION_STRING</c>, read when the silo
/// or client starts.
/// </summary>
public sealed class AzureTableClusteringOptions
{
    /// <summary>The default membership table.</summary>
    public const string DefaultTableName = "OmniGraphSilos";

    /// <summary>A storage account connection string; wins over <see cref="TableServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's table service endpoint (<c>https://ACCOUNT.table.core.windows.net</c>) for token authentication.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The credential for <see cref="TableServiceUri"/>; default <see cref="DefaultAzureCredential"/>.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>The membership table (3 to 63 letters and digits, starting with a letter). Default <see cref="DefaultTableName"/>.</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>The client of the table service these options name.</summary>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: no account is configured and the environment names none.</exception>
    public TableServiceClient CreateClient()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return new TableServiceClient(ConnectionString);
        }

        if (TableServiceUri is not null)
        {
            return new TableServiceClient(TableServiceUri, Credential ?? new DefaultAzureCredential());
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(AzureBlobAccountOptions.ConnectionStringEnvironmentVariable);
        return !string.IsNullOrWhiteSpace(fromEnvironment)
            ? new TableServiceClient(fromEnvironment)
            : throw new OmniGraphException(
                ErrorCodes.Usage,
                $"Azure clustering needs a storage account: set {AzureBlobAccountOptions.ConnectionStringEnvironmentVariable}, a connection string or a table service URI");
    }
}
