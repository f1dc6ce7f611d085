using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Journal;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Data;

/// <summary>
/// A check-in's local day is derived from its instant and zone, and the dashboard groups by it in the
/// database: the data layer stamps it on every save, whatever the writer set.
/// </summary>
public sealed class LocalDateTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Save_StampsTheLocalDay_OnInsertAndWhenTheInstantOrZoneChanges(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync();
        var id = Guid.CreateVersion7();
        // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST) and 09:30 on 2 July in Sydney.
        var at = new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc);

        var inserted = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            db.CheckIns.Add(new CheckIn { PersonId = person.Id, Id = id, OccurredAtUtc = at, TimeZoneId = "Europe/London", PainNow = 4, CreatedAtUtc = at, UpdatedAtUtc = at, Version = 1 });
            await db.SaveChangesAsync();
            return await db.CheckIns.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id).Select(c => c.LocalDate).SingleAsync();
        });
        var rezoned = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            var row = await db.CheckIns.IgnoreQueryFilters().SingleAsync(c => c.Id == id);
            row.TimeZoneId = "America/New_York"; // 19:30 on 1 July
            row.LocalDate = new DateOnly(2000, 1, 1); // a stale value a writer might leave: restamped
            await db.SaveChangesAsync();
            return await db.CheckIns.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id).Select(c => c.LocalDate).SingleAsync();
        });

        Assert.Equal(new DateOnly(2026, 7, 2), inserted);
        Assert.Equal(new DateOnly(2026, 7, 1), rezoned);
    }
}
