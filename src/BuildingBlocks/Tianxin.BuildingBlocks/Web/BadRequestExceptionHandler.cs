using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>
/// Turns a caller's malformed request (unreadable JSON, wrong content type, body too large) into a
/// problem-details answer that says what was wrong, instead of a 500 or an empty 400.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "请求体过大 / Request body too large",
                    StatusCodes.Status415UnsupportedMediaType => "不支持的内容类型 / Unsupported content type",
                    _ => "请求无法解析 / The request could not be read",
                },
                Detail = (badRequest.InnerException?.Message is { } inner ? badRequest.Message + " " + inner : badRequest.Message),
            },
        });
    }
}
