using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.PointCharts;

/// <summary>The point charts load once at start; a bad file stops the start, naming the file and line.</summary>
public sealed class PointContentStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "relief-points-" + Guid.NewGuid().ToString("N"));

    public PointContentStartupTests()
    {
        foreach (var dir in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "content"), "*", SearchOption.AllDirectories).Prepend(Path.Combine(AppContext.BaseDirectory, "content")))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "content"), dir));
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(dir))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_WithAPointOnAnUnknownChart_FailsNamingTheFileAndLine()
    {
        var path = Path.Combine(_folder, "points", "ear.yaml");
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("{chart: ear, x: 112, y: 66}", "{chart: nose, x: 112, y: 66}", StringComparison.Ordinal));
        await using var app = TestApp.Create(new() { ["Content:Folder"] = _folder });

        var e = Assert.ThrowsAny<Exception>(() => app.Server);

        var messages = string.Join("\n", Flatten(e).Select(x => x.Message));
        Assert.Matches("points/ear\\.yaml: line \\d+: unknown chart \"nose\"", messages);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException agg)
            {
                foreach (var inner in agg.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
