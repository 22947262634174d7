using Microsoft.Extensions.Options;

namespace OmniGraph.Azure;

/// <summary>Validates <see cref="AzureTableClusteringOptions"/>: the table name, one account form at most, a parsable connection string.</summary>
public sealed class AzureTableClusteringOptionsValidator : IValidateOptions<AzureTableClusteringOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AzureTableClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsTableName(options.TableName))
        {
            failures.Add($"the membership table name '{options.TableName}' is not 3 to 63 letters and digits starting with a letter");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && options.TableServiceUri is not null)
        {
            failures.Add("give either a connection string or a table service URI, not both");
        }

        if (options.TableServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http")))
        {
            failures.Add($"the table service URI '{uri}' is not an absolute http(s) URI");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                _ = new global::Azure.Data.Tables.TableServiceClient(options.ConnectionString);
            }
            catch (Exception invalid) when (invalid is FormatException or ArgumentException or InvalidOperationException)
            {
                // The SDK's message would quote the secret; say only what is wrong.
                failures.Add("the connection string is not one the Azure SDK can parse (no table endpoint or account)");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}
