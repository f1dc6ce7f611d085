using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Interop.Imports;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Web.Imports;
using SciaticaRelief.Web.Tests.Infrastructure;
using static SciaticaRelief.Web.Tests.Imports.ImportTestData;

namespace SciaticaRelief.Web.Tests.Imports;

public sealed class ImportWriterTests
{
    private static ImportedRow<CheckIn> CheckIn(int i)
    {
        var key = SourceKeys.For("test", "check-in", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var row = new CheckIn { Id = SourceKeys.RowId(key), OccurredAtUtc = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddHours(i), TimeZoneId = "UTC", PainNow = i % 11 };
        return new ImportedRow<CheckIn>(key, row);
    }

    private static ImportedRow<Treatment> Massage(string id)
    {
        var key = SourceKeys.For("test", "treatment", id);
        return new(key, new Treatment { Id = SourceKeys.RowId(key), StartedAtUtc = new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc), ModalityId = "swedish-massage", Kind = TreatmentKind.Massage });
    }

    private static ImportedRow<TreatmentFollowUp> FollowUp(string id, Guid treatmentId, int hours)
    {
        var key = SourceKeys.For("test", "follow-up", id);
        return new(key, new TreatmentFollowUp { Id = SourceKeys.RowId(key), TreatmentId = treatmentId, HoursAfter = hours, Pain = 3, RecordedAtUtc = new DateTime(2025, 1, 2, 9, 0, 0, DateTimeKind.Utc) });
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WriteAsync_ConstraintFailsAfterTheFirstChunk_NothingSaved(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync();
        var set = new ImportSet();
        // More check-ins than one chunk, so some are sent to the database before the fault.
        set.CheckIns.AddRange(Enumerable.Range(0, 2500).Select(CheckIn));
        var massage = Massage("m1");
        set.Treatments.Add(massage);
        // Two 24-hour follow-ups of one treatment break a unique index, at the very end.
        set.TreatmentFollowUps.Add(FollowUp("f1", massage.Row.Id, 24));
        set.TreatmentFollowUps.Add(FollowUp("f2", massage.Row.Id, 24));

        var refused = await AsPersonAsync(app, person.Id, async sp =>
            await Record.ExceptionAsync(() => sp.GetRequiredService<ImportWriter>().WriteAsync(set, "test", "half-way.csv")));

        Assert.IsType<ImportRefusedException>(refused);
        Assert.Equal((0, 0, 0, 0), await CountAsync(app, person.Id));
    }

    [Fact]
    public async Task WriteAsync_SameSetTwice_AllDuplicatesTheSecondTime()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        ImportSet Set()
        {
            var set = new ImportSet();
            set.CheckIns.AddRange(Enumerable.Range(0, 5).Select(CheckIn));
            set.Treatments.Add(Massage("m1"));
            return set;
        }

        var first = await AsPersonAsync(app, person.Id, sp => sp.GetRequiredService<ImportWriter>().WriteAsync(Set(), "test", "a.csv"));
        var second = await AsPersonAsync(app, person.Id, sp => sp.GetRequiredService<ImportWriter>().WriteAsync(Set(), "test", "a.csv"));

        Assert.Equal(6, first.Imported);
        Assert.Equal(0, second.Imported);
        Assert.Equal(6, second.Duplicates);
        Assert.Equal((5, 1, 6, 2), await CountAsync(app, person.Id));
    }

    [Fact]
    public async Task WriteAsync_ChildWithoutItsParent_SkippedAsOrphan()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var set = new ImportSet();
        set.TreatmentFollowUps.Add(FollowUp("f1", Guid.CreateVersion7(), 24));
        set.CheckIns.Add(CheckIn(1));

        var outcome = await AsPersonAsync(app, person.Id, sp => sp.GetRequiredService<ImportWriter>().WriteAsync(set, "test", "orphans.csv"));

        Assert.Equal(1, outcome.Imported);
        Assert.Equal(1, outcome.Skipped);
        Assert.Contains(outcome.SkipReasons, r => r.Reason.Contains("parent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_DiaryRows_StampedAsCreatedNow()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var set = new ImportSet();
        set.CheckIns.Add(CheckIn(1));

        await AsPersonAsync(app, person.Id, sp => sp.GetRequiredService<ImportWriter>().WriteAsync(set, "test", "a.csv"));

        var saved = set.CheckIns[0].Row;
        Assert.Equal(TestApp.Start.UtcDateTime, saved.CreatedAtUtc);
        Assert.Equal(saved.CreatedAtUtc, saved.UpdatedAtUtc);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task WriteAsync_SetWithErrors_Refused()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        var set = new ImportSet();
        set.CheckIns.Add(CheckIn(1));
        set.Errors.Add(new ImportError("row 2", "Pain", "bad"));

        var refused = await AsPersonAsync(app, person.Id, async sp => await Record.ExceptionAsync(() => sp.GetRequiredService<ImportWriter>().WriteAsync(set, "test", "a.csv")));

        Assert.IsType<ImportRefusedException>(refused);
        Assert.Equal((0, 0, 0, 0), await CountAsync(app, person.Id));
    }
}
