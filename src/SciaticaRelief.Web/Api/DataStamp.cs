using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.Api;

/// <summary>
/// Conditional GETs for views derived from a Person's health rows (dashboard, insights). The ETag is
/// one read of the Profile row: its DataVersion is bumped in the same save as any health row
/// (ReliefDbContext.SaveChangesAsync), and the local day is part of it because "today" moves the
/// period. A repeat that ends in 304 costs little more than authentication.
/// </summary>
public sealed class DataStamp(ReliefDbContext db, PersonContext person)
{
    public async Task<string> ETagAsync(string view, int days, CancellationToken ct)
    {
        var stamp = await db.Profiles.AsNoTracking()
            .Select(p => new { p.Version, p.DataVersion, p.TimeZoneId })
            .SingleOrDefaultAsync(ct);
        var zone = LocalTime.TryFindZone(stamp?.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        var today = LocalTime.LocalDay(person.UtcNow, zone);
        var text = string.Create(CultureInfo.InvariantCulture, $"{view}|{days}|{today}|{stamp?.Version}|{stamp?.DataVersion}|{zone.Id}");
        return "\"" + Secrets.Hash(text)[..20] + "\"";
    }

    /// <summary>304 when the caller's If-None-Match names the current ETag; otherwise computes the view.</summary>
    public async Task<IResult> ConditionalAsync<T>(HttpContext http, string view, int days, Func<Task<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(compute);
        var etag = await ETagAsync(view, days, http.RequestAborted);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => string.Equals(t.Trim(), etag, StringComparison.Ordinal))))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(await compute());
    }
}
