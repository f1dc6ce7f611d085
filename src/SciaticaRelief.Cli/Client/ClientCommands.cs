using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace SciaticaRelief.Cli.Client;

/// <summary>
/// The Person's commands over the JSON API with a personal access token: login, logout, log,
/// triage, treatments. Read commands take --json (the server's JSON on stdout, unchanged).
/// </summary>
internal static class ClientCommands
{
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        Login(context),
        Logout(context),
        Log(context),
        Triage(context),
        new Command("treatments", "Your treatment log: massage, acupuncture, medicines, home care.")
        {
            AddTreatment(context),
            ListTreatments(context),
        },
    ];

    public static Option<bool> JsonOption() => new("--json") { Description = "Print the server's JSON on stdout (messages stay on stderr)." };

    /// <summary>Runs <paramref name="work"/> with the stored sign-in; a <see cref="ClientFailure"/> becomes its message and exit code.</summary>
    public static async Task<int> WithApiAsync(CliContext context, Func<ReliefApi, Task<int>> work)
    {
        var path = ClientConfig.PathFor(context.Overrides);
        var config = ClientConfig.Load(path);
        if (config is null)
        {
            context.Stderr.WriteLine("error: Not signed in. Run: relief login --server URL");
            return ReliefCli.NotSignedIn;
        }
        try
        {
            using var api = new ReliefApi(new Uri(config.Server), config.Token);
            return await work(api);
        }
        catch (ClientFailure failure)
        {
            context.Stderr.WriteLine("error: " + failure.Message);
            return failure.ExitCode;
        }
    }

    private static Command Login(CliContext context)
    {
        var server = new Option<string>("--server") { Required = true, Description = "The app's address, for example https://relief.example.org." };
        var token = new Option<string>("--token")
        {
            Description = "A personal access token (Settings > Access tokens). Asked for, hidden, when not given: an argument stays in shell history.",
        };
        var command = new Command("login", "Checks a personal access token with the server and keeps both, readable by you only.") { server, token };
        command.SetAction(async (parsed, ct) =>
        {
            try
            {
                var address = ReliefApi.ParseServer(parsed.GetRequiredValue(server));
                var secret = parsed.GetValue(token) is { Length: > 0 } given ? given.Trim() : new Prompts(context).Secret("Personal access token");
                using var api = new ReliefApi(address, secret);
                var me = await api.GetJsonAsync("api/v1/me", ct);
                var path = ClientConfig.PathFor(context.Overrides);
                try
                {
                    new ClientConfig(address.ToString(), secret).Save(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new ClientFailure(ReliefCli.Failed, $"Cannot write {path}: {e.Message}");
                }
                context.Stdout.WriteLine($"Signed in to {address} as {me?["email"]?.GetValue<string>()}.");
                context.Stderr.WriteLine($"The token is kept in {path}, readable by you only. relief logout forgets it.");
                return ReliefCli.Ok;
            }
            catch (ClientFailure failure)
            {
                context.Stderr.WriteLine("error: " + failure.Message);
                return failure.ExitCode;
            }
        });
        return command;
    }

    private static Command Logout(CliContext context)
    {
        var command = new Command("logout", "Forgets the stored server and token (revoke the token itself in Settings > Access tokens).");
        command.SetAction(_ =>
        {
            var path = ClientConfig.PathFor(context.Overrides);
            context.Stdout.WriteLine(ClientConfig.Delete(path) ? "Signed out: the token is no longer stored here." : "Not signed in.");
            context.Stderr.WriteLine("The token itself still works until you revoke it in Settings > Access tokens.");
            return ReliefCli.Ok;
        });
        return command;
    }

    private static Command Log(CliContext context)
    {
        var pain = new Argument<int>("pain") { Description = "Pain now: 0 (none) to 10 (worst imaginable)." };
        var where = new Option<string>("--where") { Description = $"Where it hurts: {CheckInWords.AcceptedPlaces}; several with commas." };
        var quality = new Option<string[]>("--quality")
        {
            Description = $"What it feels like: {CheckInWords.AcceptedQualities}; several with commas or the option again.",
            AllowMultipleArgumentsPerToken = false,
        };
        var worst = new Option<int?>("--worst") { Description = "The worst pain since the last check-in, 0 to 10." };
        var notes = new Option<string>("--notes") { Description = "A note of your own." };
        var redFlag = new Option<string[]>("--red-flag")
        {
            Description = "Answer a warning-sign question without being asked: ID=yes|no|unsure, ID one of "
                + string.Join(", ", Core.Triage.RedFlagQuestions.ForCheckIn.Select(q => q.Id)) + ". Repeat for more.",
        };
        var noRedFlags = new Option<bool>("--no-red-flags") { Description = "\"None of these\": no warning sign applies; every question not given with --red-flag is recorded as no. Refused beside a yes or unsure answer." };
        var json = JsonOption();
        var command = new Command("log", "A check-in in one line; the warning-sign questions are asked unless answered by options. Prints the triage.")
        {
            pain, where, quality, worst, notes, redFlag, noRedFlags, json,
        };
        command.SetAction((parsed, ct) => WithApiAsync(context, async api =>
        {
            var (areas, whereError) = parsed.GetValue(where) is { } w ? CheckInWords.ParseWhere(w) : ([], null);
            if (whereError is not null)
            {
                throw new ClientFailure(ReliefCli.UsageError, whereError);
            }
            var (qualities, qualityError) = CheckInWords.ParseQualities(parsed.GetValue(quality));
            if (qualityError is not null)
            {
                throw new ClientFailure(ReliefCli.UsageError, qualityError);
            }
            var noneOfThese = parsed.GetValue(noRedFlags);
            var answers = await RedFlagAnswersAsync(context, api, parsed.GetValue(redFlag) ?? [], noneOfThese, ct);
            var body = new Dictionary<string, object?>
            {
                ["painNow"] = parsed.GetValue(pain),
                ["painWorst"] = parsed.GetValue(worst),
                ["areas"] = areas.Select(a => new { region = CheckInWords.Name(a.Region), side = CheckInWords.Name(a.Side) }).ToList(),
                ["qualities"] = qualities.Select(CheckInWords.Name).ToList(),
                ["notes"] = parsed.GetValue(notes),
                ["redFlags"] = answers,
                ["noneOfThese"] = noneOfThese ? true : null,
            };
            var (saved, text) = await api.PostJsonAsync("api/v1/journal", body, ct, idempotencyKey: "cli-" + Guid.NewGuid().ToString("N"));
            var level = saved?["triage"]?["level"]?.GetValue<string>();
            if (parsed.GetValue(json))
            {
                context.Stdout.WriteLine(text);
            }
            else
            {
                context.Out.MarkupLine(Markup.Escape($"Saved: pain {saved?["painNow"]} /10 at {saved?["occurredAt"]?.GetValue<string>()}."));
                WriteTriage(context, level, saved?["triage"]?["firedRules"]?.AsArray(), saved?["triage"]?["advice"]);
                if (saved?["triage"]?["notice"]?.GetValue<string>() is { } notice)
                {
                    context.Out.MarkupLine("[yellow]" + Markup.Escape(notice) + "[/]");
                }
            }
            return level == "emergency" ? ReliefCli.Emergency : ReliefCli.Ok;
        }));
        return command;
    }

    /// <summary>The answers to every check-in question: given, "no" with --no-red-flags, or asked (a follow-up only after a yes).</summary>
    private static async Task<Dictionary<string, string>> RedFlagAnswersAsync(CliContext context, ReliefApi api, string[] given, bool noneOfThem, CancellationToken ct)
    {
        var questions = (await api.GetJsonAsync("api/v1/triage/questions", ct))?.AsArray() ?? [];
        var ids = questions.Select(q => q?["id"]?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in given)
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            var answer = parts.Length == 2 ? CheckInWords.ParseAnswer(parts[1]) : null;
            if (answer is null || !ids.Contains(parts[0]))
            {
                throw new ClientFailure(ReliefCli.UsageError,
                    $"--red-flag \"{pair}\": give ID=yes|no|unsure, with ID one of {string.Join(", ", ids.Order(StringComparer.Ordinal))}.");
            }
            answers[parts[0]] = answer;
        }
        var yes = answers.Where(kv => kv.Value is "yes" or "unsure").Select(kv => kv.Key).ToList();
        if (noneOfThem && yes.Count > 0)
        {
            // The same rule as the web form's and the API's "None of these".
            throw new ClientFailure(ReliefCli.UsageError,
                $"--no-red-flags (\"None of these\") cannot go with a yes or unsure answer (to {string.Join(", ", yes)}): drop one of them, and answer the rest when asked.");
        }
        var prompts = new Prompts(context);
        foreach (var q in questions)
        {
            var id = q?["id"]?.GetValue<string>() ?? "";
            if (q?["everyCheckIn"]?.GetValue<bool>() != true || answers.ContainsKey(id))
            {
                continue;
            }
            if (q["dependsOn"]?.GetValue<string>() is { } parent && answers.GetValueOrDefault(parent) is null or "no")
            {
                continue;
            }
            if (!noneOfThem)
            {
                // With --no-red-flags the server records the rest as no ("None of these"), as the web form does.
                answers[id] = prompts.YesNoUnsure(q["text"]?.GetValue<string>() ?? id);
            }
        }
        return answers;
    }

    /// <summary>
    /// The triage level with what to do, an emergency as a framed warning that cannot be missed. The
    /// words and the emergency number are the server's, from the Profile's country (the same table as
    /// the web and the report); the fallback names no number, since it cannot know the country.
    /// </summary>
    private static void WriteTriage(CliContext context, string? level, JsonArray? fired, JsonNode? advice)
    {
        var reasons = (fired ?? []).Select(r => r?["reason"]?.GetValue<string>()).OfType<string>().ToList();
        var (fallback, colour) = level switch
        {
            "emergency" => ("Get emergency care now: call your local emergency number or go to the emergency department. Do not wait to see if it gets better.", "red"),
            "urgent" => ("See a doctor within 24 to 48 hours (today if it is getting worse quickly). Massage and home care are paused.", "yellow"),
            "routine" => ("Book a routine appointment with a GP or physiotherapist.", "blue"),
            _ => ("No warning signs: self-care is fine. Keep moving within what you can manage.", "green"),
        };
        var said = advice?["headline"]?.GetValue<string>();
        var headline = level switch
        {
            "emergency" => "EMERGENCY: " + (said ?? fallback),
            "urgent" => "URGENT: " + (said ?? fallback) + (said is null ? "" : " Massage and home care are paused."),
            _ => said ?? fallback,
        };
        if (level == "emergency" && advice?["emergencyNumber"]?.GetValue<string>() is { } number)
        {
            headline += $" Emergency number: {number}.";
        }
        if (level is "emergency" or "urgent")
        {
            var text = Markup.Escape(headline) + string.Concat(reasons.Select(r => "\n- " + Markup.Escape(r)));
            context.Out.Write(new Panel(new Markup($"[bold {colour}]{text}[/]")) { Border = BoxBorder.Double, BorderStyle = new Style(Color.Red) });
            context.Out.WriteLine();
        }
        else
        {
            context.Out.MarkupLine($"Triage: [{colour}]{Markup.Escape(headline)}[/]");
            foreach (var r in reasons)
            {
                context.Out.MarkupLine("  - " + Markup.Escape(r));
            }
        }
    }

    private static Command Triage(CliContext context)
    {
        var json = JsonOption();
        var command = new Command("triage", "Your current triage standing: the level in force, an alarm not yet cleared, the latest result.") { json };
        command.SetAction((parsed, ct) => WithApiAsync(context, async api =>
        {
            var text = await api.GetTextAsync("api/v1/triage/standing", ct);
            var standing = JsonNode.Parse(text);
            var effective = standing?["effective"]?.GetValue<string>();
            if (parsed.GetValue(json))
            {
                context.Stdout.WriteLine(text);
            }
            else
            {
                WriteTriage(context, effective, standing?["latest"]?["firedRules"]?.AsArray(), standing?["advice"]);
                if (standing?["activeAlarm"]?.GetValue<string>() is { } alarm)
                {
                    context.Out.MarkupLine(Markup.Escape($"An {alarm} result since {standing["alarmSince"]} stays in force until a check-in without those signs"
                        + (standing["needsClinicianReview"]?.GetValue<bool>() == true ? " and a clinician's review (recorded in the app)." : ".")));
                }
            }
            return effective == "emergency" ? ReliefCli.Emergency : ReliefCli.Ok;
        }));
        return command;
    }

    private static Command AddTreatment(CliContext context)
    {
        var type = new Option<string>("--type") { Required = true, Description = "The modality id: swedish-massage, deep-tissue-massage, acupuncture, heat, ... (GET /api/v1/modalities)." };
        var minutes = new Option<int?>("--minutes") { Description = "How long, in minutes." };
        var before = new Option<int?>("--pain-before") { Description = "Pain before, 0 to 10." };
        var after = new Option<int?>("--pain-after") { Description = "Pain after, 0 to 10." };
        var therapist = new Option<string>("--therapist") { Description = "Who gave it." };
        var pressure = new Option<int?>("--pressure") { Description = "Massage pressure, 1 (light) to 5 (very firm)." };
        var at = new Option<DateTimeOffset?>("--at") { Description = "When it started, ISO 8601 with offset (2026-11-25T18:00+00:00). Default: now." };
        var notes = new Option<string>("--notes") { Description = "A note of your own." };
        var json = JsonOption();
        var command = new Command("add", "Logs a treatment session.") { type, minutes, before, after, therapist, pressure, at, notes, json };
        command.SetAction((parsed, ct) => WithApiAsync(context, async api =>
        {
            var body = new Dictionary<string, object?>
            {
                ["modalityId"] = parsed.GetRequiredValue(type).Trim(),
                ["durationMinutes"] = parsed.GetValue(minutes),
                ["painBefore"] = parsed.GetValue(before),
                ["painAfter"] = parsed.GetValue(after),
                ["therapist"] = parsed.GetValue(therapist),
                ["pressure"] = parsed.GetValue(pressure),
                ["startedAt"] = parsed.GetValue(at),
                ["notes"] = parsed.GetValue(notes),
            };
            var (saved, text) = await api.PostJsonAsync("api/v1/treatments", body, ct, idempotencyKey: "cli-" + Guid.NewGuid().ToString("N"));
            if (parsed.GetValue(json))
            {
                context.Stdout.WriteLine(text);
                return ReliefCli.Ok;
            }
            context.Out.MarkupLine(Markup.Escape($"Saved: {saved?["modalityName"]} on {saved?["localDate"]}{PainChange(saved)}."));
            foreach (var warning in saved?["warnings"]?.AsArray() ?? [])
            {
                context.Out.MarkupLine("[yellow]" + Markup.Escape("Warning: " + warning?["message"]) + "[/]");
            }
            return ReliefCli.Ok;
        }));
        return command;
    }

    private static string PainChange(JsonNode? t) =>
        t?["painBefore"] is { } b && t["painAfter"] is { } a ? $", pain {b} -> {a}" : "";

    private static Command ListTreatments(CliContext context)
    {
        var type = new Option<string>("--type") { Description = "Only this modality id." };
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1, Description = "Page, from 1 (50 a page, newest first)." };
        var json = JsonOption();
        var command = new Command("list", "Your treatments, newest first.") { type, page, json };
        command.SetAction((parsed, ct) => WithApiAsync(context, async api =>
        {
            var query = "api/v1/treatments?page=" + parsed.GetValue(page).ToString(CultureInfo.InvariantCulture)
                + (parsed.GetValue(type) is { Length: > 0 } t ? "&modality=" + Uri.EscapeDataString(t) : "");
            var text = await api.GetTextAsync(query, ct);
            if (parsed.GetValue(json))
            {
                context.Stdout.WriteLine(text);
                return ReliefCli.Ok;
            }
            var list = JsonNode.Parse(text);
            var items = list?["items"]?.AsArray() ?? [];
            if (items.Count == 0)
            {
                context.Out.WriteLine("No treatments logged yet.");
                return ReliefCli.Ok;
            }
            var table = new Table().AddColumns("Date", "Treatment", "Minutes", "Pain before", "Pain after");
            foreach (var i in items)
            {
                table.AddRow(Markup.Escape($"{i?["localDate"]}"), Markup.Escape($"{i?["modalityName"]}"), $"{i?["durationMinutes"]}", $"{i?["painBefore"]}", $"{i?["painAfter"]}");
            }
            context.Out.Write(table);
            context.Out.MarkupLine(Markup.Escape($"Page {list?["page"]}, {list?["total"]} in all."));
            return ReliefCli.Ok;
        }));
        return command;
    }
}
