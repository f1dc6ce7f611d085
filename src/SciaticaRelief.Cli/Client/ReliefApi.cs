using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SciaticaRelief.Cli.Client;

/// <summary>
/// The JSON API of one server with one personal access token. Every answer that is not a success
/// becomes a <see cref="ClientFailure"/> with the exit code of its kind (<see cref="ReliefCli"/>).
/// </summary>
internal sealed class ReliefApi(Uri server, string token) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        BaseAddress = server,
        // Long enough for a large import or export; a dead server fails at connect long before.
        Timeout = TimeSpan.FromMinutes(10),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    public Uri Server { get; } = server;

    /// <summary>The server's base address from what the person typed: a scheme and a trailing slash added as needed.</summary>
    public static Uri ParseServer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "https://" + trimmed;
        }
        if (!Uri.TryCreate(trimmed.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ClientFailure(ReliefCli.UsageError, $"\"{text}\" is not a server address (for example https://relief.example.org).");
        }
        return uri;
    }

    public async Task<JsonNode?> GetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Relative(path)), HttpCompletionOption.ResponseContentRead, ct);
        return await ReadJsonAsync(response, ct);
    }

    /// <summary>The raw JSON text of a GET (for --json, passed on unchanged).</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Relative(path)), HttpCompletionOption.ResponseContentRead, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task<(JsonNode? Body, string Text)> PostJsonAsync(string path, object body, CancellationToken ct, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Relative(path))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (text.Length == 0 ? null : JsonNode.Parse(text), text);
    }

    public async Task<(JsonNode? Body, string Text)> PostAsync(string path, HttpContent content, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, Relative(path)) { Content = content }, HttpCompletionOption.ResponseContentRead, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (text.Length == 0 ? null : JsonNode.Parse(text), text);
    }

    /// <summary>Streams a GET's body into <paramref name="file"/> (written to a temporary name, renamed when complete).</summary>
    public async Task<long> DownloadAsync(string path, string file, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Relative(path)), HttpCompletionOption.ResponseHeadersRead, ct);
        var full = Path.GetFullPath(file);
        var partial = full + ".part";
        try
        {
            await using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await using var source = await response.Content.ReadAsStreamAsync(ct);
                await source.CopyToAsync(target, ct);
            }
            File.Move(partial, full, overwrite: true);
            return new FileInfo(full).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new ClientFailure(ReliefCli.Failed, $"Cannot write {file}: {e.Message}");
        }
    }

    private static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ClientFailure(ReliefCli.ServerError, $"Cannot reach {Server}: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ClientFailure(ReliefCli.ServerError, $"{Server} did not answer in time.");
        }
        finally
        {
            request.Dispose();
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var problem = await ProblemTextAsync(response, ct);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new ClientFailure(ReliefCli.NotSignedIn,
                    "The server refused the token (revoked, expired or mistyped). Sign in again: relief login --server " + Server),
                HttpStatusCode.Forbidden => new ClientFailure(ReliefCli.NotSignedIn,
                    "This account may not do that" + (problem.Length > 0 ? ": " + problem : ".")),
                HttpStatusCode.NotFound => new ClientFailure(ReliefCli.NotFound, problem.Length > 0 ? problem : "Not found (404)."),
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict
                    or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.PreconditionFailed =>
                    new ClientFailure(ReliefCli.Refused, problem.Length > 0 ? problem : $"The server refused the request ({(int)response.StatusCode})."),
                _ => new ClientFailure(ReliefCli.ServerError, $"The server failed ({(int)response.StatusCode})" + (problem.Length > 0 ? ": " + problem : ".")),
            };
        }
    }

    /// <summary>A problem-details answer as one readable text: title, detail, then each field's messages.</summary>
    private static async Task<string> ProblemTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException)
        {
            return "";
        }
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return "";
        }
        try
        {
            var node = JsonNode.Parse(text);
            var parts = new List<string>();
            if (node?["title"]?.GetValue<string>() is { Length: > 0 } title)
            {
                parts.Add(title.TrimEnd('.') + ".");
            }
            if (node?["errors"] is JsonObject errors)
            {
                foreach (var (field, messages) in errors)
                {
                    foreach (var message in messages?.AsArray() ?? [])
                    {
                        parts.Add($"{field}: {message?.GetValue<string>()}");
                    }
                }
            }
            else if (node?["detail"]?.GetValue<string>() is { Length: > 0 } detail)
            {
                parts.Add(detail);
            }
            return string.Join(" ", parts);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return "";
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public void Dispose() => _http.Dispose();
}
