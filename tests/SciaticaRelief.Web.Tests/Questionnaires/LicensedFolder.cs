using System.Globalization;
using System.Text.Json.Nodes;

namespace SciaticaRelief.Web.Tests.Questionnaires;

/// <summary>
/// A temporary Questionnaires:LicensedFolder holding test-only questionnaires with made-up wording
/// (never the licensed text), deleted afterwards.
/// </summary>
public sealed class LicensedFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "relief-licensed-" + Guid.NewGuid().ToString("N"));

    public LicensedFolder() => Directory.CreateDirectory(Path);

    public Dictionary<string, string?> Settings => new() { ["Questionnaires:LicensedFolder"] = Path };

    public LicensedFolder With(string name, JsonNode json)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, name), json.ToJsonString());
        return this;
    }

    /// <summary>Ten sections section-1 … section-10, options coded 0–5, with made-up text.</summary>
    public static JsonObject OdiLike()
    {
        var items = new JsonArray();
        for (var s = 1; s <= 10; s++)
        {
            var options = new JsonArray();
            for (var o = 0; o <= 5; o++)
            {
                options.Add(new JsonObject
                {
                    ["valueCoding"] = new JsonObject
                    {
                        ["system"] = "urn:test",
                        ["code"] = o.ToString(CultureInfo.InvariantCulture),
                        ["display"] = $"Made-up statement {o} of section {s}",
                    },
                });
            }
            items.Add(new JsonObject { ["linkId"] = $"section-{s}", ["text"] = $"Made-up section {s}", ["type"] = "choice", ["answerOption"] = options });
        }
        return new JsonObject
        {
            ["resourceType"] = "Questionnaire",
            ["id"] = "odi",
            ["version"] = "test",
            ["title"] = "Made-up ten-section form",
            ["status"] = "active",
            ["item"] = items,
        };
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is cleaned anyway
        }
    }
}
