using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Grievance.Features.Attachments;

public sealed record AttachmentAnswer(Guid Id, string ContentType, string FileName, long SizeBytes);

/// <summary>
/// Photos and PDFs of cases and defects. The type and the declared size are checked against
/// <c>attachment_rules</c> before a byte of the body is read (415, 413); a body without a declared size is
/// read up to the limit and refused past it, so nothing larger is ever held.
/// </summary>
public sealed class Attachments(NpgsqlDataSource dataSource)
{
    /// <param name="owner">"case" or "defect"; the caller must see the owner within their area.</param>
    public async Task<IResult> UploadAsync(string owner, Guid ownerId, string? fileName, HttpContext http, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        var contentType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var limit = contentType is null
            ? null
            : (await dataSource.Command("select max_bytes from attachment_rules where content_type = $1", contentType)
                .ReadAllAsync(r => (long?)r.Get<long>("max_bytes"), cancellationToken)).SingleOrDefault();
        if (limit is null)
        {
            var types = await dataSource.Command("select string_agg(content_type, ', ' order by content_type) from attachment_rules").ScalarAsync<string>(cancellationToken);
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的文件类型 / Unsupported file type",
                detail: $"Content-Type 须为 {types} 之一 / Content-Type must be one of {types}.", extensions: Field("contentType"));
        }
        if (request.ContentLength > limit)
        {
            return TooLarge(limit.Value);
        }
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length is 0 or > 100 || !PlainText.IsValid(name, 100))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fileName"] = ["请在 ?fileName= 中给出文件名（不超过100字） / Name the file in ?fileName=, at most 100 characters."] });
        }
        if (!await OwnerVisibleAsync(owner, ownerId, scope, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        var content = await ReadUpToAsync(request.Body, limit.Value, cancellationToken);
        if (content is null)
        {
            return TooLarge(limit.Value);
        }
        if (content.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["文件为空 / The file is empty."] });
        }
        var id = Guid.CreateVersion7();
        await dataSource.Command(
            "insert into attachments (id, owner_kind, owner_id, content_type, file_name, size_bytes, content, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8)",
            id, owner, ownerId, contentType!, name, (long)content.Length, content, by).ExecuteAsync(cancellationToken);
        return TypedResults.Created($"/attachments/{id}", new AttachmentAnswer(id, contentType!, name, content.Length));
    }

    /// <summary>The file streamed from the database to the caller, never held whole in memory.</summary>
    public async Task<IResult> DownloadAsync(Guid id, AreaScope scope, CancellationToken cancellationToken)
    {
        var rows = await dataSource.Command("select owner_kind, owner_id, content_type, file_name from attachments where id = $1", id)
            .ReadAllAsync(r => (Owner: r.Get<string>("owner_kind"), OwnerId: r.Get<Guid>("owner_id"), Type: r.Get<string>("content_type"),
                Name: r.Get<string>("file_name")), cancellationToken);
        if (rows is not [var found] || !await OwnerVisibleAsync(found.Owner, found.OwnerId, scope, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Stream(async body =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select content from attachments where id = $1", connection) { Parameters = { new() { Value = id } } };
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                await using var stream = await reader.GetStreamAsync(0, cancellationToken);
                await stream.CopyToAsync(body, cancellationToken);
            }
        }, found.Type, found.Name);
    }

    private Task<bool> OwnerVisibleAsync(string owner, Guid ownerId, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(owner == "case"
                ? "select exists (select 1 from grievance_cases where id = $1 and area_code like $2)"
                : "select exists (select 1 from accessibility_defects where id = $1 and community_code like $2)", ownerId, scope.Area.LikePattern)
            .ScalarAsync<bool>(cancellationToken);

    private static async Task<byte[]?> ReadUpToAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / The file is too large",
            detail: $"此类文件不超过 {limit / 1024 / 1024} MB / At most {limit / 1024 / 1024} MB for this type.", extensions: Field("body"));

    private static Dictionary<string, object?> Field(string field) => new() { ["field"] = field };
}
