using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace SciaticaRelief.Browser.Tests.Served;

/// <summary>
/// Fetches every stylesheet, script, font and image a page links, as a browser asks for it
/// (<c>Accept-Encoding: gzip, deflate, br</c>) and as a plain client does, and lists what is wrong:
/// an empty body, a wrong content type, a compressed body that does not decode to the plain one,
/// no ETag, or a fingerprinted name without a long cache.
/// </summary>
internal static partial class AssetCheck
{
    public const string BrowserEncodings = "gzip, deflate, br";

    private static readonly Dictionary<string, string[]> TypesByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = ["text/css"],
        [".js"] = ["text/javascript", "application/javascript"],
        [".svg"] = ["image/svg+xml"],
        [".png"] = ["image/png"],
        [".ico"] = ["image/x-icon", "image/vnd.microsoft.icon"],
        [".woff2"] = ["font/woff2"],
        [".woff"] = ["font/woff"],
        [".webmanifest"] = ["application/manifest+json"],
    };

    /// <summary>Same-origin asset paths linked from an HTML page: stylesheets, scripts, images, icons.</summary>
    public static IEnumerable<string> LinkedFrom(string html) =>
        AttributePattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Where(IsLocal);

    /// <summary>Same-origin <c>url(...)</c> references of a stylesheet (fonts, images).</summary>
    public static IEnumerable<string> LinkedFromCss(string css) =>
        CssUrlPattern().Matches(css).Select(m => m.Groups["url"].Value).Where(IsLocal);

    private static bool IsLocal(string url) =>
        url.Length > 0 && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains("://", StringComparison.Ordinal) && !url.StartsWith('#');

    /// <summary>
    /// Checks each asset (and what its stylesheets link) on <paramref name="client"/>; returns one line
    /// per problem. <paramref name="longCache"/> asks fingerprinted names for a year's immutable cache.
    /// </summary>
    public static async Task<List<string>> ProblemsAsync(HttpClient client, IEnumerable<string> assets, bool longCache)
    {
        var problems = new List<string>();
        var queue = new Queue<string>(assets.Select(Normalise).Distinct(StringComparer.Ordinal));
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        while (queue.TryDequeue(out var path))
        {
            var plain = await FetchAsync(client, path, encodings: null);
            var compressed = await FetchAsync(client, path, BrowserEncodings);
            foreach (var (label, response) in new[] { ("plain", plain), ("browser", compressed) })
            {
                if (response.Status != HttpStatusCode.OK)
                {
                    problems.Add($"{path} ({label}): {(int)response.Status}");
                    continue;
                }
                if (response.Body.Length == 0)
                {
                    problems.Add($"{path} ({label}): empty body");
                }
                var extension = Path.GetExtension(path.Split('?')[0]);
                if (TypesByExtension.TryGetValue(extension, out var types) && !types.Contains(response.ContentType, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"{path} ({label}): content type '{response.ContentType}', expected {string.Join(" or ", types)}");
                }
                if (string.IsNullOrEmpty(response.ETag))
                {
                    problems.Add($"{path} ({label}): no ETag");
                }
                if (longCache && FingerprintPattern().IsMatch(path)
                    && !(response.CacheControl.Contains("max-age=31536000", StringComparison.Ordinal) && response.CacheControl.Contains("immutable", StringComparison.Ordinal)))
                {
                    problems.Add($"{path} ({label}): fingerprinted but Cache-Control is '{response.CacheControl}'");
                }
            }
            if (plain.Status == HttpStatusCode.OK && compressed.Status == HttpStatusCode.OK && compressed.Body.Length > 0)
            {
                var decoded = Decode(compressed.Body, compressed.ContentEncoding);
                if (!decoded.AsSpan().SequenceEqual(plain.Body))
                {
                    problems.Add($"{path}: the {compressed.ContentEncoding ?? "identity"} body ({compressed.Body.Length} bytes) does not decode to the plain one ({plain.Body.Length} bytes)");
                }
            }
            if (path.EndsWith(".css", StringComparison.OrdinalIgnoreCase) && plain.Status == HttpStatusCode.OK)
            {
                var css = System.Text.Encoding.UTF8.GetString(plain.Body);
                foreach (var linked in LinkedFromCss(css).Select(u => Resolve(path, u)).Where(seen.Add))
                {
                    queue.Enqueue(linked);
                }
            }
        }
        return problems;
    }

    private static string Normalise(string url) => url.StartsWith('/') ? url : "/" + url;

    private static string Resolve(string from, string url) =>
        url.StartsWith('/') ? url : new Uri(new Uri("http://x" + from), url).PathAndQuery;

    private static byte[] Decode(byte[] body, string? encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private sealed record Fetched(HttpStatusCode Status, byte[] Body, string? ContentType, string? ContentEncoding, string? ETag, string CacheControl);

    private static async Task<Fetched> FetchAsync(HttpClient client, string path, string? encodings)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (encodings is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encodings);
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new Fetched(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentEncoding.FirstOrDefault(), response.Headers.ETag?.ToString(),
            response.Headers.CacheControl?.ToString() ?? "");
    }

    [GeneratedRegex("""<(?:link|script|img|source)\b[^>]*?\b(?:href|src)\s*=\s*"(?<url>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex AttributePattern();

    [GeneratedRegex("""url\(\s*['"]?(?<url>[^'")\s]+)['"]?\s*\)""", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrlPattern();

    /// <summary>MapStaticAssets' fingerprint: a ten-character content hash before the extension.</summary>
    [GeneratedRegex(@"\.[a-z0-9]{10}\.[a-z0-9]+$")]
    private static partial Regex FingerprintPattern();
}
