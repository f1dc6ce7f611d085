using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SciaticaRelief.Web.Tests.Infrastructure;

public static class Json
{
    public static StringContent Body(object value) =>
        new(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON body.");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    /// <summary>A check-in with every red flag answered no.</summary>
    public static Dictionary<string, object?> CheckIn(int painNow = 5, string? notes = null, Dictionary<string, string>? redFlags = null, object? areas = null, string? occurredAt = null)
    {
        var flags = Core.Triage.RedFlagQuestions.ForCheckIn.ToDictionary(q => q.Id, _ => "no");
        foreach (var (k, v) in redFlags ?? [])
        {
            flags[k] = v;
        }
        var body = new Dictionary<string, object?>
        {
            ["painNow"] = painNow,
            ["painWorst"] = Math.Min(10, painNow + 1),
            ["painAverage"] = painNow,
            ["areas"] = areas ?? new[] { new { region = "buttock", side = "left" }, new { region = "calf", side = "left" } },
            ["qualities"] = new[] { "shooting", "tingling" },
            ["triggers"] = new[] { "sitting" },
            ["sleepHours"] = 6.5,
            ["stress"] = 4,
            ["notes"] = notes,
            ["redFlags"] = flags,
        };
        if (occurredAt is not null)
        {
            body["occurredAt"] = occurredAt;
        }
        return body;
    }
}
