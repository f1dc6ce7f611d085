using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Sharing;
using SciaticaRelief.Web.Tests.Clinical;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Accounts;

/// <summary>
/// Deleting an account leaves nothing of the Person: a raw scan of every table and column over the
/// provider's catalogue finds neither their id (in every form it can be stored) nor the canary
/// written into every free-text field; the Therapist's session note stays, the audit chain moves to
/// a pseudonym and still verifies.
/// </summary>
public sealed class AccountDeletionTests
{
    private const string Canary = "CANARY-q7Zx91";
    private const string TherapistText = "Left piriformis tender after the session.";

    private sealed record Seeded(ReliefUser Person, ReliefUser Therapist, Guid NoteId, int AuditEvents);

    /// <summary>A Person with a row in every Person-keyed table, the canary in every free text of theirs.</summary>
    private static async Task<Seeded> SeedEverythingAsync(TestApp app)
    {
        var person = await app.CreatePersonAsync(email: $"canary{Guid.NewGuid():N}@example.org");
        using var api = await app.ApiClientAsync(person);
        async Task<System.Text.Json.Nodes.JsonNode> Created(Task<HttpResponseMessage> call)
        {
            var response = await call;
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.ReadAsync();
        }

        await Created(api.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: Canary, redFlags: new() { ["night-pain"] = "yes" }), idempotencyKey: "canary-key"));
        await Created(api.PostJsonAsync("/api/v1/triage/clinician-reviews", new { seenAt = "2026-11-25T10:30:00Z", note = Canary }));
        var seeds = await Created(api.PostJsonAsync("/api/v1/ear-seeds", new { ear = "left", points = new[] { "shen-men" }, notes = Canary }));
        var treatment = await Created(api.PostJsonAsync("/api/v1/treatments", new
        {
            modalityId = "deep-tissue-massage", startedAt = TestApp.Start.AddHours(-30), painBefore = 7, painAfter = 4, therapist = Canary, notes = Canary,
        }));
        await Created(api.PostJsonAsync($"/api/v1/treatments/{(string)treatment["id"]!}/follow-ups", new { hoursAfter = 24, pain = 3, notes = Canary }));
        _ = seeds;
        await Created(api.PostJsonAsync("/api/v1/questionnaires/nrs/responses", new { answers = new[] { new { linkId = "pain", integer = 7 } } }));
        await Created(api.PostJsonAsync("/api/v1/questionnaire-schedules", new { instrumentId = "nrs", frequency = "weekly" }));
        var item = await Created(api.PostJsonAsync("/api/v1/plan/items", new
        {
            kind = "massage-appointment", title = Canary, place = Canary, therapistName = Canary, startDate = "2026-11-20",
            timeOfDay = "08:00", durationMinutes = 60, recurrence = "daily",
        }));
        await Created(api.PostJsonAsync($"/api/v1/plan/items/{(string)item["id"]!}/done", new { date = "2026-11-25" }));
        await Created(api.PostAsync(new Uri("/api/v1/plan/feed-token", UriKind.Relative), null));
        await Sharing.SharingSeed.InviteAsync(api, GrantScope.Journal);

        var therapist = await app.CreateTherapistAsync();
        await ClinicalTestData.GrantAsync(app, person.Id, therapist.Id);
        using var therapistApi = await app.ApiClientAsync(therapist);
        await Created(therapistApi.PostJsonAsync($"/api/v1/clients/{person.Id}/intakes", new
        {
            history = Canary, conditions = new[] { "osteoporosis" }, contraindications = Canary, medications = Canary, consentToTreatment = true,
        }, idempotencyKey: "therapist-key"));
        var note = await Created(therapistApi.PostJsonAsync($"/api/v1/clients/{person.Id}/notes", ClinicalTestData.Note(subjective: TherapistText)));
        Assert.Equal(HttpStatusCode.OK, (await therapistApi.GetAsync($"/api/v1/clients/{person.Id}/brief")).StatusCode);

        var audit = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            var batch = new ImportBatch
            {
                PersonId = person.Id, Id = Guid.CreateVersion7(), Format = "generic-csv", FileName = Canary + ".csv",
                ImportedAtUtc = app.Clock.GetUtcNow().UtcDateTime, Imported = 1, SkipSummary = Canary,
            };
            db.ImportBatches.Add(batch);
            db.ImportedRecords.Add(new ImportedRecord
            {
                PersonId = person.Id, SourceKey = SourceKeys.For("generic-csv", Canary), BatchId = batch.Id, TargetType = "CheckIn",
                TargetId = Guid.CreateVersion7(), Original = Canary,
            });
            await db.SaveChangesAsync();
            await sp.GetRequiredService<AccountService>().CreateTokenAsync(person.Id, Canary);
            return await db.AuditEvents.IgnoreQueryFilters().CountAsync(e => e.PersonId == person.Id);
        });
        Assert.True(audit > 0, "The Therapist's writes and reads were audited.");
        return new Seeded(person, therapist, Guid.Parse((string)note["id"]!), audit);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Delete_PersonWithEveryKindOfRow_NoTableHoldsTheirIdOrText_NoteAndAuditStayPseudonymous(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var seeded = await SeedEverythingAsync(app);
        await AssertEveryPersonTableHasARowAsync(app, seeded.Person.Id);
        Assert.NotEmpty(await ScanAsync(app, seeded.Person));

        using var api = await app.ApiClientAsync(seeded.Person);
        var response = await api.SendAsync(DeleteRequest(TestApp.Password, "delete my account"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var found = await ScanAsync(app, seeded.Person);
        Assert.True(found.Count == 0, "Left behind: " + string.Join("; ", found));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        // The Therapist keeps the note, as written, under a pseudonym that carries the audit chain too.
        using var therapistApi = await app.ApiClientAsync(seeded.Therapist);
        var note = await therapistApi.GetAsync($"/api/v1/notes/{seeded.NoteId}");
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Contains(TherapistText, await note.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (pseudonym, events, brokenAt) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            var id = await db.SessionNotes.IgnoreQueryFilters().Where(n => n.Id == seeded.NoteId).Select(n => n.PersonId).SingleAsync();
            var (chain, broken) = await sp.GetRequiredService<AuditLog>().ReadAsync(id);
            return (id, chain.Count, broken);
        });
        Assert.NotEqual(seeded.Person.Id, pseudonym);
        Assert.Equal(seeded.AuditEvents, events);
        Assert.Null(brokenAt);
    }

    [Fact]
    public async Task Delete_OnASqliteFile_TheFileBytesHoldNeitherTheCanaryNorTheId()
    {
        await using var app = new TestApp(TestDatabase.FileSqlite());
        var seeded = await SeedEverythingAsync(app);
        using var api = await app.ApiClientAsync(seeded.Person);

        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(DeleteRequest(TestApp.Password, "Delete my account"))).StatusCode);

        var path = app.Database.FilePath!;
        var bytes = new List<byte>();
        foreach (var file in new[] { path, path + "-wal", path + "-journal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            bytes.AddRange(copy.ToArray());
        }
        var all = bytes.ToArray();
        Assert.True(all.Length > 0);
        Assert.Equal(-1, all.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Canary)));
        Assert.Equal(-1, all.AsSpan().IndexOf(Encoding.UTF8.GetBytes(seeded.Person.Id.ToString("D").ToUpperInvariant())));
        Assert.Equal(-1, all.AsSpan().IndexOf(Encoding.UTF8.GetBytes(seeded.Person.Email!)));
    }

    [Theory]
    [InlineData("wrong password entirely", "delete my account", "password")] // the password is the proof it is them
    [InlineData(TestApp.Password, "delete", "confirm")] // half the phrase is not a decision
    [InlineData(TestApp.Password, null, "confirm")] // no phrase at all
    [InlineData(null, "delete my account", "password")] // no password at all
    public async Task Delete_WrongPasswordOrPhrase_400NamingTheField_AndNothingIsDeleted(string? password, string? confirm, string field)
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        await api.PostJsonAsync("/api/v1/journal", Json.CheckIn(notes: Canary));

        var response = await api.SendAsync(DeleteRequest(password, confirm));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadAsync())["errors"]![field]);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Single((await (await api.GetAsync("/api/v1/journal")).ReadAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Delete_RepeatedWrongPasswords_LockTheAccountAsAtSignIn_NothingDeleted()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        var attempts = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value.MaxFailedAttempts;

        for (var i = 0; i < attempts; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync(DeleteRequest("a guess " + i, "delete my account"))).StatusCode);
        }

        // Locked out: the token is refused now, so the right password cannot follow the guesses.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(DeleteRequest(TestApp.Password, "delete my account"))).StatusCode);
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Users.AnyAsync(u => u.Id == person.Id)));
    }

    [Fact]
    public async Task Delete_Therapist_403_TheirAccountStays()
    {
        await using var app = TestApp.Create();
        var therapist = await app.CreateTherapistAsync();
        using var api = await app.ApiClientAsync(therapist);

        var response = await api.SendAsync(DeleteRequest(TestApp.Password, "delete my account"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Users.AnyAsync(u => u.Id == therapist.Id)));
    }

    [Fact]
    public async Task Delete_TheOnlyAdministrator_409_AnotherAdministrator_Deleted()
    {
        await using var app = TestApp.Create();
        var admin = await app.CreatePersonAsync(administrator: true);
        using var api = await app.ApiClientAsync(admin);

        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync(DeleteRequest(TestApp.Password, "delete my account"))).StatusCode);
        await app.CreatePersonAsync(administrator: true);
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(DeleteRequest(TestApp.Password, "delete my account"))).StatusCode);
    }

    [Fact]
    public async Task DeletePage_OffersExportFirst_WrongPhraseKeepsAll_RightOneSignsOutAndSignInFails()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var browser = await app.SignedInBrowserAsync(person);

        var page = await browser.GetPageAsync("/settings/delete-account");
        Assert.Contains("href=\"/api/v1/export/archive\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v1/export/fhir\"", page, StringComparison.Ordinal);

        var wrong = await browser.SubmitFormAsync("/settings/delete-account", "delete-account", new() { ["password"] = TestApp.Password, ["confirm"] = "yes" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("delete my account", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/settings/delete-account")).StatusCode);

        var done = await browser.SubmitFormAsync("/settings/delete-account", "delete-account", new() { ["password"] = TestApp.Password, ["confirm"] = "delete my account" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/account/deleted", TestApp.PathOf(done));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/deleted")).StatusCode);
        var again = await browser.GetAsync("/settings/delete-account");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        using var fresh = app.Browser();
        var signIn = await fresh.SubmitFormAsync("/account/signin", "signin", new() { ["email"] = person.Email!, ["password"] = TestApp.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static HttpRequestMessage DeleteRequest(string? password, string? confirm) =>
        new(HttpMethod.Delete, "/api/v1/account") { Content = Json.Body(new { password, confirm }) };

    /// <summary>Fails on a Person-keyed table the seed left empty: a new table must be seeded here, so its deletion is proven.</summary>
    private static async Task AssertEveryPersonTableHasARowAsync(TestApp app, Guid personId)
    {
        var empty = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            var missing = new List<string>();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.FindProperty("PersonId") is not null))
            {
                var count = await CountAsync(db, entity.ClrType, personId);
                if (count == 0)
                {
                    missing.Add(entity.ClrType.Name);
                }
            }
            return missing;
        });
        Assert.True(empty.Count == 0, "Seed a row of these for the deletion test: " + string.Join(", ", empty));
    }

    private static Task<int> CountAsync(ReliefDbContext db, Type type, Guid personId) =>
        (Task<int>)typeof(AccountDeletionTests).GetMethod(nameof(CountCoreAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [db, personId])!;

    private static Task<int> CountCoreAsync<T>(ReliefDbContext db, Guid personId) where T : class =>
        db.Set<T>().IgnoreQueryFilters().CountAsync(e => EF.Property<Guid>(e, "PersonId") == personId);

    /// <summary>
    /// Every table and column of the database, found in its catalogue (not in the EF model), searched
    /// for the id as text in any case and with or without dashes, as SQLite's BLOB form, for the email
    /// and for the canary. Answers "table.column: what" for each hit.
    /// </summary>
    private static async Task<List<string>> ScanAsync(TestApp app, ReliefUser person) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ReliefDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sqlite = db.Database.IsSqlite();
        var columns = new List<(string Table, string Column)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = sqlite
                ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
                : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        Assert.Contains(columns, c => c.Table == "CheckIns");
        var needles = new Dictionary<string, string>
        {
            ["id"] = person.Id.ToString("D"),
            ["id without dashes"] = person.Id.ToString("N"),
            ["email"] = person.Email!,
            ["canary"] = Canary,
        };
        var hits = new List<string>();
        foreach (var (table, column) in columns)
        {
            foreach (var (what, needle) in needles)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = sqlite
                    ? $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(upper(CAST(\"{column}\" AS TEXT)), upper(@n)) > 0"
                    : $"SELECT COUNT(*) FROM \"{table}\" WHERE position(upper(@n) in upper(\"{column}\"::text)) > 0";
                Add(cmd, "@n", needle);
                if (Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    hits.Add($"{table}.{column}: {what}");
                }
            }
            if (sqlite)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE typeof(\"{column}\") = 'blob' AND instr(\"{column}\", @b) > 0";
                Add(cmd, "@b", person.Id.ToByteArray());
                if (Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    hits.Add($"{table}.{column}: id as a blob");
                }
            }
        }
        return hits;
    });

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
