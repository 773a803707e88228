using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Tianxin.BuildingBlocks.Web;

public static class UploadLimits
{
    /// <summary>Room for the multipart boundaries and headers around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>
    /// A form whose file may hold at most <paramref name="maxFileBytes"/>: a larger body is refused with 413 as it arrives
    /// (at once when its length is declared), instead of being buffered whole and refused afterwards.
    /// </summary>
    public static RouteHandlerBuilder LimitUploadTo(this RouteHandlerBuilder endpoint, long maxFileBytes) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(maxFileBytes + FormOverhead))
            .WithFormOptions(multipartBodyLengthLimit: maxFileBytes + FormOverhead);
}
