using System.Globalization;
using System.Text.Json.Nodes;
using SciaticaRelief.Cli;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Tests.Cli;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Triage;

/// <summary>
/// One table of answers run through every way a Person can be triaged — the web check-in, the web
/// symptom check, the API check-in, the API symptom check and the CLI — each giving the same level
/// and the same "today". A path that drifts from the others fails here.
/// </summary>
public sealed class TriageEntryPathTests
{
    /// <param name="Yes">Questions answered yes (or <paramref name="Unsure"/>); every other asked question is answered no.</param>
    /// <param name="NoneOfThese">Answered with "None of these" instead of a no to each question.</param>
    public sealed record Case(string[] Yes, string[] Unsure, bool NoneOfThese, TriageLevel Level, bool Today, string Why)
    {
        public override string ToString() => Why;
    }

    public static readonly Case[] Cases =
    [
        new([], [], true, TriageLevel.SelfCare, false, "None of these, in one tap: self-care"),
        new([], [], false, TriageLevel.SelfCare, false, "every question answered no: self-care"),
        new(["saddle-numbness"], [], false, TriageLevel.Emergency, false, "saddle numbness: emergency"),
        new(["both-legs"], [], false, TriageLevel.Emergency, false, "both legs: emergency"),
        new(["leg-weakness", "weakness-worsening-fast"], [], false, TriageLevel.Urgent, true, "weakness getting worse quickly: a doctor today"),
        new([], ["leg-weakness"], false, TriageLevel.Urgent, false, "not sure counts as yes: weakness, not worsening fast: 24-48 h"),
        new(["swollen-leg"], [], false, TriageLevel.Urgent, true, "a swollen, painful calf: a possible clot, a doctor today"),
        new(["swollen-leg", "clot-breathless"], [], false, TriageLevel.Emergency, false, "a swollen calf with breathlessness: emergency"),
        new([], ["night-pain"], false, TriageLevel.Urgent, false, "constant night pain, not sure: 24-48 h"),
    ];

    public static TheoryData<Case> Table => new(Cases);

    [Theory]
    [MemberData(nameof(Table))]
    public async Task EveryEntryPath_SameAnswers_SameLevel(Case row)
    {
        // The web and the API on the in-process host; the CLI against the app on a real port.
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        using var browser = await app.SignedInBrowserAsync(person);
        await using var cli = await CliServer.StartAsync();
        await cli.LoginAsync();
        var results = new Dictionary<string, (TriageLevel Level, bool Today)>();

        async Task RecordAsync(string path, TestApp on, HttpClient client)
        {
            var latest = (await (await client.GetAsync("/api/v1/triage/standing")).ReadAsync())["latest"]!;
            results[path] = (Enum.Parse<TriageLevel>(((string)latest["level"]!).Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
                (bool)latest["seeDoctorToday"]!);
            Assert.True((bool)latest["screened"]!, $"{path}: every question was answered, so the check is screened");
            on.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var checkIn = Form(row, RedFlagQuestions.ForCheckIn);
        checkIn["painNow"] = "5";
        checkIn["occurredAtLocal"] = app.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var posted = await browser.SubmitFormAsync("/checkin", "checkin", checkIn);
        Assert.True(posted.StatusCode == System.Net.HttpStatusCode.Redirect, await ErrorsOfAsync(posted));
        await RecordAsync("web check-in", app, api);

        posted = await browser.SubmitFormAsync("/triage", "symptom-check", Form(row, RedFlagQuestions.All));
        Assert.True(posted.StatusCode == System.Net.HttpStatusCode.Redirect, await ErrorsOfAsync(posted));
        await RecordAsync("web symptom check", app, api);

        var body = Json.CheckIn(redFlags: Answers(row, RedFlagQuestions.ForCheckIn));
        if (row.NoneOfThese)
        {
            body["redFlags"] = new Dictionary<string, string>();
            body["noneOfThese"] = true;
        }
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/journal", body)).StatusCode);
        await RecordAsync("API check-in", app, api);

        var check = await api.PostJsonAsync("/api/v1/triage", new
        {
            answers = row.NoneOfThese ? [] : Answers(row, RedFlagQuestions.All),
            noneOfThese = row.NoneOfThese,
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, check.StatusCode);
        await RecordAsync("API symptom check", app, api);

        string[] args = ["log", "5", "--json", .. row.NoneOfThese
            ? ["--no-red-flags"]
            : Answers(row, RedFlagQuestions.ForCheckIn).SelectMany(kv => new[] { "--red-flag", $"{kv.Key}={kv.Value}" })];
        var run = await cli.RunAsync(args);
        Assert.True(run.ExitCode is ReliefCli.Ok or ReliefCli.Emergency, run.Stderr);
        var cliLevel = (string)run.Json["triage"]!["level"]!;
        using (var cliApi = await cli.App.ApiClientAsync(cli.Person))
        {
            cliApi.BaseAddress = new Uri(cli.BaseUrl); // the factory's client points at its in-memory address, not Kestrel's
            await RecordAsync("CLI", cli.App, cliApi);
        }
        Assert.Equal(cliLevel, row.Level switch { TriageLevel.SelfCare => "self-care", var l => l.ToString().ToLowerInvariant() });

        Assert.All(results, r => Assert.True(r.Value == (row.Level, row.Today),
            $"{r.Key}: {r.Value.Level} today={r.Value.Today}, expected {row.Level} today={row.Today} ({row.Why})"));
    }

    private static async Task<string> ErrorsOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var at = html.IndexOf("error-summary", StringComparison.Ordinal);
        return $"{(int)response.StatusCode}: {(at < 0 ? html[..Math.Min(html.Length, 500)] : html[at..Math.Min(html.Length, at + 1500)])}";
    }

    /// <summary>The answers to the questions asked: the row's yes and not sure, a follow-up only after its parent, no elsewhere.</summary>
    private static Dictionary<string, string> Answers(Case row, IEnumerable<RedFlagQuestionInfo> asked)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in asked)
        {
            var answer = row.Yes.Contains(q.Id) ? "yes" : row.Unsure.Contains(q.Id) ? "unsure" : "no";
            if (q.DependsOn is { } parent && answers.GetValueOrDefault(RedFlagQuestions.IdOf(parent)) is not ("yes" or "unsure"))
            {
                continue; // not asked
            }
            answers[q.Id] = answer;
        }
        return answers;
    }

    private static Dictionary<string, string> Form(Case row, IEnumerable<RedFlagQuestionInfo> asked) =>
        row.NoneOfThese
            ? new Dictionary<string, string> { ["none-of-these"] = "on" }
            : Answers(row, asked).ToDictionary(kv => "rf-" + kv.Key, kv => kv.Value);
}
