using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Tests.Clinical;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Safety;

/// <summary>One reason a surface gave for an item, in its words, with its source.</summary>
public sealed record SeenReason(string Text, string Source);

/// <summary>What a surface did with one item: left it out (recording: warned it is not advised), offered or recorded it with precautions, or plainly.</summary>
public sealed record Seen(SafetyLevel Level, IReadOnlyList<SeenReason> Reasons);

/// <summary>What one surface answered, read from one place (its API, its page, the stored rows): each item, or only the advice to seek care.</summary>
/// <param name="Where">"API", "page", "stored", "page form" ...: where it was read, for the failure message.</param>
/// <param name="ScreenRequired">Only the advice to answer the warning-sign questions first (never answered).</param>
public sealed record Answer(string Where, bool SeekCareOnly, IReadOnlyDictionary<string, Seen> View, bool ScreenRequired = false);

/// <summary>
/// Runs one care surface for one Person through the app as a Person or their Therapist uses it (the
/// JSON API and the server-rendered page, and for recording surfaces the stored rows), with answers
/// that exclude nothing (every area, the firmest pressure, any budget, warmth wanted), and reads each
/// into the shape of the Core matrix's probe: item id → <see cref="Seen"/>. A recording surface records
/// every item (each must be kept: 201) and reads back its safety warnings.
/// </summary>
public sealed class WebSurfaceProbe(TestApp app, ReliefUser person)
{
    /// <summary>The machine chooser's answers: every area, the firmest pressure, any budget, warmth wanted.</summary>
    public const string MachineQuery = "areas=low-back&areas=buttock&areas=leg&areas=foot&pressure=5&budget=high&heat=true";

    /// <summary>The point a self-acupressure routine alone is assigned with (the API needs one): on the back, never refused.</summary>
    public const string RoutinePoint = "bl23";

    private ModalityCatalog Modalities => app.Services.GetRequiredService<ModalityCatalog>();

    private PointCatalog Points => app.Services.GetRequiredService<PointCatalog>();

    /// <summary>Extra checks a surface made beyond its views (form posts that must refuse with the reason), as failures.</summary>
    public List<string> Problems { get; } = [];

    public async Task<IReadOnlyList<Answer>> RunAsync(CareSurface surface) => surface switch
    {
        CareSurface.Recommendations => await SuggestingAsync("/api/v1/recommendations", "/recommendations",
            json => Read(json["ranked"], "modalityId", json["notForYou"], "modalityId")),
        CareSurface.AcupressureRoutine => await SuggestingAsync("/api/v1/routines/acupressure", "/home-care/acupressure",
            json => Read(json["steps"], "point.id", json["hidden"], "id", json["precautions"])),
        CareSurface.MachineChooser => await SuggestingAsync("/api/v1/machine-chooser?" + MachineQuery, "/home-care/machines?" + MachineQuery,
            json => Read(json["suggested"], "id", json["notSuggested"], "id")),
        CareSurface.EarSeeds => await SuggestingAsync("/api/v1/routines/ear-seeds", "/home-care/ear-seeds",
            json => Read(json["points"], "id", json["hidden"], "id", json["precautions"])),
        CareSurface.PointCharts => await SuggestingAsync("/api/v1/points", "/home-care/points",
            json => Read(json["points"], "id", json["hidden"], "id")),
        CareSurface.HomeCareAssignment => await AssignmentAsync(),
        CareSurface.TreatmentLog => await TreatmentLogAsync(),
        CareSurface.SessionNote => await SessionNoteAsync(),
    };

    // ---- Surfaces that suggest or guide care: a GET endpoint and a page ----------------------------------------

    private async Task<IReadOnlyList<Answer>> SuggestingAsync(string api, string page, Func<JsonNode, Dictionary<string, Seen>> read)
    {
        using var client = await app.ApiClientAsync(person);
        var response = await client.GetAsync(new Uri(api, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {api}: {(int)response.StatusCode}");
        var json = await response.ReadAsync();
        var apiAnswer = json["seekCareOnly"]?.GetValue<bool>() == true
            ? new Answer("API " + api, true, new Dictionary<string, Seen>(), json["screenRequired"]?.GetValue<bool>() == true)
            : new Answer("API " + api, false, read(json));
        using var browser = await app.SignedInBrowserAsync(person);
        return [apiAnswer, PageAnswer("page " + page, await browser.GetPageAsync(page))];
    }

    /// <summary>Offered items (<paramref name="idPath"/> in each, "point.id" for nested), their precautions, the shared ones, and the refused with reason and source.</summary>
    private static Dictionary<string, Seen> Read(JsonNode? offered, string idPath, JsonNode? refused, string refusedId, JsonNode? shared = null)
    {
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var all = Precautions(shared);
        foreach (var item in offered!.AsArray())
        {
            var id = idPath.Split('.').Aggregate(item, (node, key) => node![key])!.GetValue<string>();
            Add(view, id, Offered(Precautions(item!["precautions"]).Concat(all)));
        }
        foreach (var item in refused!.AsArray())
        {
            Add(view, (string)item![refusedId]!, new Seen(SafetyLevel.Refused, [new((string)item["reason"]!, (string)item["source"]!)]));
        }
        return view;
    }

    private static IEnumerable<SeenReason> Precautions(JsonNode? list) =>
        list is null ? [] : list.AsArray().Select(p => new SeenReason((string)p!["text"]!, (string)p["source"]!));

    /// <summary>A page that suggests care: data-offered items, data-refused ones (reason in the text, data-source), data-precaution-of (ids or "all").</summary>
    public static Answer PageAnswer(string where, string html)
    {
        if (html.Contains("data-seek-care-only", StringComparison.Ordinal))
        {
            Assert.Empty(Html.With(html, "data-offered"));
            return new Answer(where, true, new Dictionary<string, Seen>(), Html.With(html, "data-screen-required").Count > 0);
        }
        var precautions = Html.With(html, "data-precaution-of")
            .SelectMany(e => e["data-precaution-of"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => (Id: id, Reason: new SeenReason(e.Text, e["data-source"]))))
            .ToLookup(x => x.Id, x => x.Reason);
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var id in Html.With(html, "data-offered").Select(e => e["data-offered"]).Distinct())
        {
            Add(view, id, Offered(precautions[id].Concat(precautions["all"])));
        }
        foreach (var e in Html.With(html, "data-refused"))
        {
            Add(view, e["data-refused"], new Seen(SafetyLevel.Refused, [new(e.Text, e["data-source"])]));
        }
        return new Answer(where, false, view);
    }

    // ---- A Therapist's home-care assignment: one POST per item, and the page's form ----------------------------

    private async Task<IReadOnlyList<Answer>> AssignmentAsync()
    {
        var therapist = await app.CreateTherapistAsync();
        await ClinicalTestData.GrantAsync(app, person.Id, therapist.Id);
        using var api = await app.ApiClientAsync(therapist);
        var items = AssignmentItems();
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var paused = 0;
        var screen = 0;
        foreach (var (id, body, _) in items)
        {
            var response = await api.PostJsonAsync($"/api/v1/clients/{person.Id}/plan/items", body);
            var json = await response.ReadAsync();
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                    Add(view, id, Offered(Precautions(json["precautions"])));
                    break;
                case HttpStatusCode.BadRequest:
                    var errors = json["errors"]!.AsObject().SelectMany(kv => kv.Value!.AsArray().Select(m => (string)m!)).ToList();
                    Add(view, id, new Seen(SafetyLevel.Refused, [.. errors.Select(e => new SeenReason(e, e))])); // the message carries the source
                    break;
                case HttpStatusCode.Conflict:
                    Assert.True(json["seekCareOnly"]?.GetValue<bool>() == true, $"assigning {id}: 409 without seekCareOnly");
                    paused++;
                    screen += json["screenRequired"]?.GetValue<bool>() == true ? 1 : 0;
                    break;
                default:
                    Assert.Fail($"assigning {id}: {(int)response.StatusCode} {json.ToJsonString()}");
                    break;
            }
        }
        Assert.True(paused == 0 || paused == items.Count, "an assignment is paused for every item or for none");
        var apiAnswer = new Answer("API POST /api/v1/clients/{id}/plan/items", paused > 0, paused > 0 ? new Dictionary<string, Seen>() : view, screen == items.Count);

        using var browser = await app.SignedInBrowserAsync(therapist);
        var url = $"/clients/{person.Id}/home-care";
        var page = PageAnswer("page " + url, await browser.GetPageAsync(url));
        if (!page.SeekCareOnly)
        {
            // What the form leaves out is refused when posted anyway, with the API's words: the reason and its source.
            foreach (var (id, seen) in view.Where(x => x.Value.Level == SafetyLevel.Refused))
            {
                var form = items.Single(i => i.Id == id).Form;
                var posted = await browser.SubmitFormAsync(url, "assign", form.Fields, form.Repeated);
                var text = System.Net.WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
                foreach (var reason in seen.Reasons.Where(r => !text.Contains(r.Text, StringComparison.Ordinal)))
                {
                    Problems.Add($"{url}: posting {id} anyway did not refuse it with \"{reason.Text}\"");
                }
            }
        }
        return [apiAnswer, page];
    }

    public sealed record FormFields(Dictionary<string, string> Fields, List<KeyValuePair<string, string>> Repeated);

    /// <summary>Each home routine alone; self-acupressure at each body point; ear-seed presses at each ear point: as the API's body and as the page's form.</summary>
    private List<(string Id, object Body, FormFields Form)> AssignmentItems()
    {
        var items = new List<(string, object, FormFields)>();
        static FormFields Form(string kind, string? modality, string? pointField, string? point)
        {
            var fields = new Dictionary<string, string> { ["kind"] = kind, ["recurrence"] = "Daily", ["timeOfDay"] = "09:00", ["durationMinutes"] = "10" };
            if (modality is not null)
            {
                fields["modalityId"] = modality;
            }
            return new FormFields(fields, pointField is null ? [] : [new(pointField, point!)]);
        }
        foreach (var m in PlanItemValidator.HomeRoutines(Modalities))
        {
            var points = m.Kind == TreatmentKind.Acupressure ? new[] { RoutinePoint } : [];
            items.Add((m.Id, new { kind = "home-routine", modalityId = m.Id, points, recurrence = "daily", timeOfDay = "09:00" },
                Form("home-routine", m.Id, points.Length > 0 ? "bodyPoint" : null, points.FirstOrDefault())));
        }
        foreach (var p in Points.Body)
        {
            items.Add((p.Id, new { kind = "home-routine", modalityId = "self-acupressure", points = new[] { p.Id }, recurrence = "daily", timeOfDay = "09:00" },
                Form("home-routine", "self-acupressure", "bodyPoint", p.Id)));
        }
        foreach (var p in Points.Ear)
        {
            items.Add((p.Id, new { kind = "ear-seed-presses", points = new[] { p.Id }, recurrence = "daily", timeOfDay = "09:00" },
                Form("ear-seed-presses", null, "earPoint", p.Id)));
        }
        return items;
    }

    // ---- The treatment log: a treatment of each modality, a self-acupressure run at each body point ------------

    private async Task<IReadOnlyList<Answer>> TreatmentLogAsync()
    {
        using var api = await app.ApiClientAsync(person);
        var seeds = await api.PostJsonAsync("/api/v1/ear-seeds", new { ear = "left", points = new[] { "shen-men" } });
        Assert.Equal(HttpStatusCode.Created, seeds.StatusCode);
        var applicationId = (string)(await seeds.ReadAsync())["id"]!;
        var logged = new List<(string Id, Guid TreatmentId, string Prefix)>();
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var m in Modalities.All)
        {
            object body = m.Kind switch
            {
                TreatmentKind.Medicine => new { modalityId = m.Id, doses = new[] { new { ingredient = "paracetamol", dose = "500" } } },
                TreatmentKind.EarSeeds => new { modalityId = m.Id, earSeedApplicationId = applicationId },
                _ => new { modalityId = m.Id },
            };
            logged.Add((m.Id, await LogAsync(api, body, m.Id, view), $"CONTRA:{m.Id}:"));
        }
        foreach (var p in Points.Body)
        {
            var body = new { modalityId = "self-acupressure", points = new[] { new { point = p.Id, feeling = "dull-ache", seconds = 60 } } };
            logged.Add((p.Id, await LogAsync(api, body, p.Id, view), $"CONTRA:{p.Id}:"));
        }

        var stored = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var page = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var form = new Dictionary<string, Seen>(StringComparer.Ordinal);
        using var browser = await app.SignedInBrowserAsync(person);
        foreach (var (id, treatmentId, prefix) in logged)
        {
            var row = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Treatments.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == treatmentId));
            Add(stored, id, Warned(row.SafetyWarnings.Where(w => w.RuleId.StartsWith(prefix, StringComparison.Ordinal)).Select(w => (w.Level, w.Message, w.Source))));
            Add(page, id, Warned(PageWarnings(await browser.GetPageAsync($"/treatments/{treatmentId}"), prefix)));

            // The same through the page's form: kept (a redirect to the saved treatment), and that page shows the warnings.
            var isPoint = Points.Find(id) is not null;
            var modality = isPoint ? "self-acupressure" : id;
            var kind = Modalities.Find(modality)!.Kind;
            var url = $"/treatments/new?modality={modality}" + (kind == TreatmentKind.EarSeeds ? $"&application={applicationId}" : "");
            var fields = kind switch
            {
                TreatmentKind.Medicine => new Dictionary<string, string> { ["ingredient-0"] = "paracetamol", ["dose-0"] = "500" },
                TreatmentKind.Acupressure => new Dictionary<string, string> { ["feeling-" + (isPoint ? id : RoutinePoint)] = nameof(PointFeeling.DullAche) },
                _ => [],
            };
            var posted = await browser.SubmitFormAsync(url, "treatment", fields);
            Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"the treatment form for {id} must keep it: {(int)posted.StatusCode}");
            Add(form, id, Warned(PageWarnings(await browser.GetPageAsync(TestApp.PathOf(posted)), prefix)));
        }
        return [new Answer("API POST /api/v1/treatments", false, view), new Answer("stored Treatments.SafetyWarnings", false, stored),
            new Answer("page /treatments/{id}", false, page), new Answer("page form /treatments/new", false, form)];
    }

    private async Task<Guid> LogAsync(HttpClient api, object body, string id, Dictionary<string, Seen> view)
    {
        var response = await api.PostJsonAsync("/api/v1/treatments", body);
        var json = await response.ReadAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"logging {id} must be kept whatever the conditions: {(int)response.StatusCode} {json.ToJsonString()}");
        var prefix = $"CONTRA:{id}:";
        var safety = json["safetyWarnings"]!.AsArray().Select(w => ((string)w!["ruleId"]!, (string)w["level"]!, (string)w["message"]!, (string)w["source"]!)).ToList();
        var warnings = json["warnings"]!.AsArray().Select(w => ((string)w!["ruleId"]!, (string)w["level"]!, (string)w["message"]!, (string)w["source"]!)).ToList();
        // Every stored safety warning is among the warnings shown; no contraindication is shown that is not stored.
        Assert.All(safety, w => Assert.Contains(w, warnings));
        Assert.Equal(safety.Order(), warnings.Where(w => w.Item1.StartsWith("CONTRA:", StringComparison.Ordinal)).Order());
        Add(view, id, Warned(safety.Where(w => w.Item1.StartsWith(prefix, StringComparison.Ordinal)).Select(w => (Level(w.Item2), w.Item3, w.Item4))));
        return Guid.Parse((string)json["id"]!);
    }

    // ---- A session note: a note naming each therapist technique alone ---------------------------------------

    private async Task<IReadOnlyList<Answer>> SessionNoteAsync()
    {
        var therapist = await app.CreateTherapistAsync();
        await ClinicalTestData.GrantAsync(app, person.Id, therapist.Id);
        using var api = await app.ApiClientAsync(therapist);
        using var browser = await app.SignedInBrowserAsync(therapist);
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var stored = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var page = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var form = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var m in Core.Clinical.SessionNoteValidator.Techniques(Modalities))
        {
            var prefix = $"CONTRA:{m.Id}:";
            var note = ClinicalTestData.Note();
            note["areas"] = Array.Empty<string>();
            note["techniques"] = new[] { m.Id };
            var response = await api.PostJsonAsync($"/api/v1/clients/{person.Id}/notes", note);
            var json = await response.ReadAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"a note naming {m.Id} must be kept: {(int)response.StatusCode} {json.ToJsonString()}");
            Add(view, m.Id, Warned(json["safetyWarnings"]!.AsArray().Select(w => (Level((string)w!["level"]!), (string)w["message"]!, (string)w["source"]!))));
            var noteId = Guid.Parse((string)json["id"]!);
            var row = await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().SessionNotes.IgnoreQueryFilters().AsNoTracking().SingleAsync(n => n.Id == noteId));
            Assert.All(row.SafetyWarnings, w => Assert.StartsWith(prefix, w.RuleId, StringComparison.Ordinal));
            Add(stored, m.Id, Warned(row.SafetyWarnings.Select(w => (w.Level, w.Message, w.Source))));
            Add(page, m.Id, Warned(PageWarnings(await browser.GetPageAsync($"/notes/{noteId}"), prefix)));

            // The same note through the page's form: kept, and the page it lands on shows the warnings.
            var posted = await browser.SubmitFormAsync($"/clients/{person.Id}/notes/new", "session-note", new()
            {
                ["sessionDate"] = "2026-11-24", ["subjective"] = "Pain down the left leg after sitting.", ["pressure"] = "3",
            }, [new("technique", m.Id)]);
            Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"the note form naming {m.Id} must be kept: {(int)posted.StatusCode}");
            Add(form, m.Id, Warned(PageWarnings(await browser.GetPageAsync(TestApp.PathOf(posted)), prefix)));
        }
        return [new Answer("API POST /api/v1/clients/{id}/notes", false, view), new Answer("stored SessionNotes.SafetyWarnings", false, stored),
            new Answer("page /notes/{id}", false, page), new Answer("page form /clients/{id}/notes/new", false, form)];
    }

    // ------------------------------------------------------------------------------------------------------

    /// <summary>The warnings a recording page shows (data-rule, data-level, data-source) whose rule id starts with <paramref name="prefix"/>.</summary>
    private static IEnumerable<(WarningLevel, string, string)> PageWarnings(string html, string prefix) =>
        Html.With(html, "data-rule").Where(e => e["data-rule"].StartsWith(prefix, StringComparison.Ordinal))
            .Select(e => (Level(e["data-level"]), e.Text, e["data-source"]));

    private static WarningLevel Level(string wire) => wire switch
    {
        "warning" => WarningLevel.Warning,
        "caution" => WarningLevel.Caution,
        _ => WarningLevel.Info,
    };

    private static Seen Offered(IEnumerable<SeenReason> reasons)
    {
        var list = reasons.Distinct().ToList();
        return new Seen(list.Count == 0 ? SafetyLevel.Allowed : SafetyLevel.Caution, list);
    }

    private static Seen Warned(IEnumerable<(WarningLevel Level, string Message, string Source)> warnings)
    {
        var list = warnings.ToList();
        var level = list.Any(w => w.Level == WarningLevel.Warning) ? SafetyLevel.Refused
            : list.Count > 0 ? SafetyLevel.Caution
            : SafetyLevel.Allowed;
        return new Seen(level, [.. list.Select(w => new SeenReason(w.Message, w.Source))]);
    }

    private static void Add(Dictionary<string, Seen> view, string id, Seen seen) =>
        Assert.True(view.TryAdd(id, seen), $"\"{id}\" appears twice on one surface (offered and left out?)");
}
