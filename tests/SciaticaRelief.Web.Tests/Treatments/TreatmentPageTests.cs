using System.Net;
using System.Text.RegularExpressions;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Treatments;

public sealed partial class TreatmentPageTests
{
    private static Dictionary<string, string> MassageFields(string notes = "") => new()
    {
        ["startedAtLocal"] = "2026-11-25T10:00",
        ["durationMinutes"] = "60",
        ["therapist"] = "Sam",
        ["pressure"] = "4",
        ["painBefore"] = "7",
        ["painAfter"] = "4",
        ["soreness"] = "3",
        ["bruising"] = "Small",
        ["notes"] = notes,
    };

    private static readonly KeyValuePair<string, string>[] LowBackBruised =
    [
        new("area", "low-back:left"), new("area", "low-back:right"), new("bruise-area", "low-back:left"),
    ];

    /// <summary>Puts the Person in an Emergency standing: a check-in with saddle numbness.</summary>
    internal static async Task RaiseEmergencyAsync(TestApp app, SciaticaRelief.Data.Accounts.ReliefUser person)
    {
        using var api = await app.ApiClientAsync(person);
        var response = await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(redFlags: new() { ["saddle-numbness"] = "yes" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task LogForm_StepOne_ListsEveryModalityByKind_StepTwo_ShowsOnlyTheFieldsOfItsKind()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var picker = await browser.GetPageAsync("/treatments/new");
        var massage = await browser.GetPageAsync("/treatments/new?modality=deep-tissue-massage");
        var medicine = await browser.GetPageAsync("/treatments/new?modality=over-the-counter-medicine");
        var machine = await browser.GetPageAsync("/treatments/new?modality=percussion-massage-gun");
        var seeds = await browser.GetPageAsync("/treatments/new?modality=ear-seeds");

        // Step 1 is a GET form: it works without JavaScript.
        Assert.Contains("<form method=\"get\" action=\"/treatments/new\"", picker, StringComparison.Ordinal);
        foreach (var id in new[] { "deep-tissue-massage", "swedish-massage", "self-acupressure", "acupuncture", "ear-seeds", "massage-chair", "heat", "cold", "rest-and-staying-active", "over-the-counter-medicine", "other" })
        {
            Assert.Contains($"value=\"{id}\"", picker, StringComparison.Ordinal);
        }
        Assert.Contains("Massage machines", picker, StringComparison.Ordinal);
        Assert.Contains("name=\"pressure\"", massage, StringComparison.Ordinal);
        Assert.Contains("name=\"bruise-area\"", massage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"ingredient-0\"", massage, StringComparison.Ordinal);
        Assert.Contains("name=\"ingredient-0\"", medicine, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"pressure\"", medicine, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"durationMinutes\"", medicine, StringComparison.Ordinal);
        Assert.Contains("name=\"intensity\"", machine, StringComparison.Ordinal);
        Assert.Contains("href=\"/ear-seeds\"", seeds, StringComparison.Ordinal); // seeds are put on from their own page
    }

    [Fact]
    public async Task LogForm_MassageWithBruisingOnAnticoagulants_ShowsTheWarningAtOnceAsAnAlert()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder));

        var response = await browser.SubmitFormAsync("/treatments/new?modality=deep-tissue-massage", "treatment", MassageFields(), LowBackBruised);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery;
        Assert.Matches("^/treatments/[0-9a-f-]{36}\\?saved=true$", location);
        var page = await browser.GetPageAsync(location);
        Assert.Matches("role=\"alert\"[^>]*data-rule=\"BRUISE-ANTICOAGULANT\"", page);
        Assert.Contains("blood thinners", page, StringComparison.Ordinal);
        Assert.Contains("Treatment saved.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rule=\"BRUISE-SMALL\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogForm_SmallBruiseAndSoreness_IsReassuringNotAnAlert()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var response = await browser.SubmitFormAsync("/treatments/new?modality=deep-tissue-massage", "treatment", MassageFields(), LowBackBruised);
        var page = await browser.GetPageAsync(response.Headers.Location!.PathAndQuery);

        Assert.Contains("data-rule=\"BRUISE-SMALL\"", page, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"SORENESS-NORMAL\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogForm_MedicineInGrams_IsAClearErrorAndSavesNothing()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var response = await browser.SubmitFormAsync("/treatments/new?modality=over-the-counter-medicine", "treatment", new()
        {
            ["startedAtLocal"] = "2026-11-25T10:00", ["ingredient-0"] = "paracetamol", ["product-0"] = "Tablets", ["dose-0"] = "500 g",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("is in grams", page, StringComparison.Ordinal);
        Assert.Contains("value=\"500 g\"", page, StringComparison.Ordinal); // what was typed stays in the form
        using var api = await app.ApiClientAsync(person);
        Assert.Equal(0, (int)(await (await api.GetAsync("/api/v1/treatments")).ReadAsync())["total"]!);
    }

    [Fact]
    public async Task LogForm_MedicineAboveTheMaximum_WarnsOnTheSavedPage()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(region: "US");
        using var api = await app.ApiClientAsync(person);
        await api.PostJsonAsync("/api/v1/treatments", TreatmentApiTests.Medicine(6, "ibuprofen", "800 mg", "Tablets"));
        using var browser = await app.SignedInBrowserAsync(person);

        var response = await browser.SubmitFormAsync("/treatments/new?modality=over-the-counter-medicine", "treatment", new()
        {
            ["startedAtLocal"] = "2026-11-25T10:00", ["ingredient-0"] = "ibuprofen", ["product-0"] = "Cold and flu capsules", ["dose-0"] = "600",
        });
        var page = await browser.GetPageAsync(response.Headers.Location!.PathAndQuery);

        Assert.Matches("role=\"alert\"[^>]*data-rule=\"MEDICINE-OVER-LABEL-MAXIMUM\"", page);
        Assert.Contains("1,400 mg", page, StringComparison.Ordinal);
        Assert.Contains("1,200 mg in 24 hours", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_WhileTriagePausesSelfCare_LoggingWorksButNothingIsSuggested()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        await RaiseEmergencyAsync(app, person);
        using var browser = await app.SignedInBrowserAsync(person);

        var picker = await browser.GetPageAsync("/treatments/new");
        var seeds = await browser.GetPageAsync("/ear-seeds");
        var saved = await browser.SubmitFormAsync("/treatments/new?modality=swedish-massage", "treatment", new() { ["startedAtLocal"] = "2026-11-25T10:00", ["painBefore"] = "6" });

        Assert.Contains("data-self-care-paused", picker, StringComparison.Ordinal);
        Assert.DoesNotContain("The classic relaxing massage", picker, StringComparison.Ordinal); // the modality descriptions are hidden
        Assert.DoesNotContain("Start on the lowest setting", picker, StringComparison.Ordinal);
        Assert.Contains("data-self-care-paused", seeds, StringComparison.Ordinal);
        Assert.DoesNotContain("data-self-care>", seeds, StringComparison.Ordinal);
        Assert.DoesNotContain("2 or 3 times a day", seeds, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode); // it is the Person's record
    }

    [Fact]
    public async Task Pages_WithoutAPause_ShowTheDescriptions()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var picker = await browser.GetPageAsync("/treatments/new");
        var seeds = await browser.GetPageAsync("/ear-seeds");

        Assert.Contains("The classic relaxing massage", picker, StringComparison.Ordinal);
        Assert.DoesNotContain("data-self-care-paused", picker, StringComparison.Ordinal);
        Assert.Contains("2 or 3 times a day", seeds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListEditDelete_WithConfirmation()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var saved = await browser.SubmitFormAsync("/treatments/new?modality=deep-tissue-massage", "treatment", MassageFields(notes: "first session"), LowBackBruised);
        var view = saved.Headers.Location!.PathAndQuery.Split('?')[0];

        var list = await browser.GetPageAsync("/treatments");
        Assert.Contains("first session", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"{view}/edit\"", list, StringComparison.Ordinal);

        var edit = await browser.GetPageAsync(view + "/edit");
        Assert.Contains("value=\"Sam\"", edit, StringComparison.Ordinal);
        Assert.Contains("first session", edit, StringComparison.Ordinal);
        var fields = MassageFields(notes: "edited session");
        fields["bruising"] = "Large";
        var edited = await browser.SubmitFormAsync(view + "/edit", "treatment", fields, LowBackBruised);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("data-rule=\"BRUISE-LARGE\"", await browser.GetPageAsync(edited.Headers.Location!.PathAndQuery), StringComparison.Ordinal);

        // An old tab (version 1) is refused with a conflict, not saved over the newer version.
        var stale = MassageFields(notes: "from an old tab");
        stale["version"] = "1";
        var conflict = await browser.SubmitFormAsync(view + "/edit", "treatment", stale);
        Assert.Contains("id=\"conflict\"", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var confirm = await browser.GetPageAsync(view + "/delete");
        Assert.Contains("Delete this treatment?", confirm, StringComparison.Ordinal);
        var deleted = await browser.SubmitFormAsync(view + "/delete", "delete", []);
        Assert.Equal("/treatments?deleted=true", deleted.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(view)).StatusCode);
        Assert.Contains("No treatments match", await browser.GetPageAsync("/treatments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogForm_DoubleSubmitted_SavesOneTreatment()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);
        var url = "/treatments/new?modality=heat";
        var page = await browser.GetPageAsync(url);
        // The form as rendered: its hidden fields carry the handler, the antiforgery token, the one-time key and the modality.
        var fields = new List<KeyValuePair<string, string>>(BrowserClient.HiddenFields(page, "treatment"))
        {
            new("startedAtLocal", "2026-11-25T10:00"), new("durationMinutes", "20"), new("notes", "clicked twice"),
        };

        var first = await browser.Http.PostAsync(url, new FormUrlEncodedContent(fields));
        var second = await browser.Http.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(Regex.Matches(await browser.GetPageAsync("/treatments"), "clicked twice"));
    }

    [Fact]
    public async Task View_HostileText_IsShownAsText()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var saved = await browser.SubmitFormAsync("/treatments/new?modality=swedish-massage", "treatment", new()
        {
            ["startedAtLocal"] = "2026-11-25T10:00", ["therapist"] = "<img src=x onerror=alert(1)>", ["notes"] = "<script>alert('x')</script>",
        });
        var page = await browser.GetPageAsync(saved.Headers.Location!.PathAndQuery);

        Assert.DoesNotContain("<script>alert('x')</script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_FromTheDashboardLink_SavesOnce_AndADeletedTreatmentIs404()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        var id = (string)(await (await api.PostJsonAsync("/api/v1/treatments", TreatmentApiTests.DeepTissue(hoursAgo: 30))).ReadAsync())["id"]!;
        using var browser = await app.SignedInBrowserAsync(person);

        var dashboard = await browser.GetPageAsync("/");
        Assert.Contains("How is your pain since your massage on", dashboard, StringComparison.Ordinal);
        var link = $"/treatments/{id}/follow-up?hours=24";
        Assert.Contains($"href=\"{link}\"", dashboard, StringComparison.Ordinal);

        var saved = await browser.SubmitFormAsync(link, "follow-up", new() { ["pain"] = "3" });
        Assert.Equal($"/treatments/{id}?saved=true", saved.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("How is your pain since your massage on", await browser.GetPageAsync("/"), StringComparison.Ordinal);

        var again = await browser.SubmitFormAsync(link, "follow-up", new() { ["pain"] = "9" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already gave your pain 24 hours after", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, (int)(await (await api.GetAsync($"/api/v1/treatments/{id}/follow-ups")).ReadAsync())[0]!["pain"]!);

        await api.DeleteAsync($"/api/v1/treatments/{id}");
        var gone = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task EarSeedsPage_PutOnPressAndTakeOff()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: HealthCondition.Pregnancy);
        using var browser = await app.SignedInBrowserAsync(person);

        var applied = await browser.SubmitFormAsync("/ear-seeds", "apply", new()
        {
            ["ear"] = "Left", ["appliedAtLocal"] = "2026-11-25T09:00", ["wearDays"] = "5", ["skinRedOrBroken"] = "true",
        }, [new("point", "shen-men"), new("point", "sciatic-nerve")]);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var page = await browser.GetPageAsync(applied.Headers.Location!.PathAndQuery);
        Assert.Contains("Take off by Mon 30 Nov 2026, 09:00", page, StringComparison.Ordinal);
        Assert.Matches("role=\"alert\"[^>]*data-rule=\"EAR-SKIN-RED-OR-BROKEN\"", page);
        Assert.Contains("data-rule=\"EAR-PREGNANCY\"", page, StringComparison.Ordinal);

        var pressLink = PressLink().Match(page).Groups[1].Value;
        var pressed = await browser.SubmitFormAsync(System.Net.WebUtility.HtmlDecode(pressLink), "treatment", new()
        {
            ["startedAtLocal"] = "2026-11-25T11:00", ["durationMinutes"] = "2", ["painBefore"] = "5", ["painAfter"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Contains("Pressed 1 times", await browser.GetPageAsync("/ear-seeds"), StringComparison.Ordinal);

        var takeOff = TakeOffForm().Match(await browser.GetPageAsync("/ear-seeds")).Groups[1].Value;
        var removed = await browser.SubmitFormAsync("/ear-seeds", takeOff, []);
        Assert.Equal("/ear-seeds?removed=true", removed.Headers.Location!.PathAndQuery);
        var after = await browser.GetPageAsync("/ear-seeds");
        Assert.Contains("No seeds are on now", after, StringComparison.Ordinal);
        Assert.Contains("Shen Men (TF4), Sciatic nerve (AH6)", after, StringComparison.Ordinal); // in the history
    }

    [Fact]
    public async Task EarSeedsPage_NoPoint_IsAnErrorOnThePage()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var response = await browser.SubmitFormAsync("/ear-seeds", "apply", new() { ["ear"] = "Right", ["wearDays"] = "5" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose at least one point", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(/treatments/new\\?modality=ear-seeds&amp;application=[0-9a-f-]{36})\"")]
    private static partial Regex PressLink();

    [GeneratedRegex("name=\"_handler\" value=\"(take-off-[0-9a-f]{32})\"")]
    private static partial Regex TakeOffForm();
}
