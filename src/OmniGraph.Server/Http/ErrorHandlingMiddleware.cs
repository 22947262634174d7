using Microsoft.Extensions.Logging;

namespace OmniGraph.Server.Http;

/// <summary>
/// The outermost middleware: any exception a request raises becomes the error envelope with its kind's status
/// (<see cref="ErrorResponses"/>). A failure after the response started (an export stream part way) cannot change the
/// status any more: the connection is aborted, so the client sees a truncated body, never a complete-looking one.
/// </summary>
internal sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away: nobody reads an answer.
                return;
            }

            var error = OmniGraphErrors.Classify(exception);
            if (error.Kind is ErrorKind.Internal or ErrorKind.Integrity)
            {
                ServerLog.RequestFailed(logger, exception, context.Request.Method, context.Request.Path, error.Code);
            }

            if (context.Response.HasStarted)
            {
                ServerLog.StreamAborted(logger, context.Request.Method, context.Request.Path, error.Code, error.Message);
                context.Abort();
                return;
            }

            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
        }
    }
}
