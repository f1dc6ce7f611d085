using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Treatments;

/// <summary>The modality catalogue and the label maximums load once at start; a bad file stops the start, naming the file and the line.</summary>
public sealed class ContentStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "relief-content-" + Guid.NewGuid().ToString("N"));

    public ContentStartupTests() => Copy(Path.Combine(AppContext.BaseDirectory, "content"), _folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    private TestApp App() => TestApp.Create(new() { ["Content:Folder"] = _folder });

    private static string MessagesOf(Exception e)
    {
        var all = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            all.Add(x.Message);
            if (x is AggregateException agg)
            {
                all.AddRange(agg.InnerExceptions.Select(i => i.Message));
            }
        }
        return string.Join("\n", all);
    }

    [Fact]
    public async Task Start_WithTheRepositoryContent_Serves()
    {
        await using var app = App();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/modalities")).StatusCode);
    }

    [Theory]
    [InlineData("broken.md", "---\nid: broken\nname: Broken\nkind: reiki\nsetting: home\n---\nText.\n", "unknown kind \"reiki\"", "an unknown kind")]
    [InlineData("broken.md", "---\nid: broken\nkind: rest\nsetting: home\n---\nText.\n", "\"name\" is missing", "a missing name")]
    [InlineData("broken.md", "---\nid: broken\nname: Broken\nkind: rest\nsetting: home\ntechnique: t\nsession_minutes: {min: 1, max: 2}\ntargets: [x]\ncost: free\nevidence:\n  grade: strong\n  summary: s\n  sources: [{text: t, mark: V}]\n---\nText.\n", "modalities/broken.md: line 11: unknown grade \"strong\"", "a knowledge key that is wrong: the file and its line")]
    [InlineData("second-swedish.md", "---\nid: swedish-massage\nname: Swedish again\nkind: massage\nsetting: therapist\n---\nText.\n", "already used by", "a duplicate id")]
    public async Task Start_WithABadModalityFile_FailsNamingTheFile(string file, string text, string expected, string why)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "modalities", file), text);
        await using var app = App();

        var e = Assert.ThrowsAny<Exception>(() => app.Server);

        var messages = MessagesOf(e);
        Assert.True(messages.Contains("modalities/" + file, StringComparison.Ordinal) && messages.Contains(expected, StringComparison.Ordinal), why + ": " + messages);
    }

    [Fact]
    public async Task Start_WithABrokenTopic_FailsNamingTheFileAndLine()
    {
        var path = Path.Combine(_folder, "topics", "bruising-after-massage.md");
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("group: massage-types", "group: [massage-types", StringComparison.Ordinal));
        await using var app = App();

        var e = Assert.ThrowsAny<Exception>(() => app.Server);

        var messages = MessagesOf(e);
        Assert.Contains("topics/bruising-after-massage.md: line 5: the front matter is not valid YAML", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithALabelValueWithoutSource_FailsNamingTheFile()
    {
        var path = Path.Combine(_folder, "medicines", "label-maximums.yaml");
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => !l.TrimStart().StartsWith("source: \"US OTC Drug Facts label for ibuprofen", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(path, lines);
        await using var app = App();

        var e = Assert.ThrowsAny<Exception>(() => app.Server);

        var messages = MessagesOf(e);
        Assert.Contains("medicines/label-maximums.yaml", messages, StringComparison.Ordinal);
        Assert.Contains("ibuprofen", messages, StringComparison.Ordinal);
        Assert.Contains("\"source\" is missing", messages, StringComparison.Ordinal);
    }
}
