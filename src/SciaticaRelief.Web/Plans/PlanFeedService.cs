using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SciaticaRelief.Core.Calendar;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Startup;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Plans;

/// <summary>
/// The private calendar feed: one live <see cref="FeedToken"/> per Person (32 random bytes,
/// base64url; only its SHA-256 is stored), created or rotated and revoked from settings, and the
/// feed text for a token. A calendar app fetches the feed without signing in, so the token is the
/// only credential: it is never logged (<see cref="RequestLogScrubbing"/>) and never shown twice.
/// </summary>
public sealed class PlanFeedService(ReliefDbContext db, TimeProvider clock, IOptions<ReliefOptions> options)
{
    public const int TokenBytes = 32;

    /// <summary>A feed fetch writes LastUsedAtUtc at most this often, so a polling calendar does not write each time.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromHours(1);

    public Task<FeedToken?> LiveAsync(Guid personId, CancellationToken ct) =>
        db.FeedTokens.AsNoTracking().Where(t => t.PersonId == personId && t.RevokedAtUtc == null)
            .OrderByDescending(t => t.CreatedAtUtc).FirstOrDefaultAsync(ct);

    /// <summary>Revokes the live token (if any) and makes a new one; returns the secret, the only time it exists in full.</summary>
    public async Task<(FeedToken Token, string Secret)> RotateAsync(Guid personId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = Secrets.New("", TokenBytes);
        var token = new FeedToken { Id = Guid.CreateVersion7(), PersonId = personId, TokenHash = Secrets.Hash(secret), CreatedAtUtc = now };
        var live = await db.FeedTokens.Where(t => t.PersonId == personId && t.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var old in live)
        {
            old.RevokedAtUtc = now;
        }
        db.FeedTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }

    /// <summary>Revokes the live token; false when there was none.</summary>
    public async Task<bool> RevokeAsync(Guid personId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.FeedTokens.Where(t => t.PersonId == personId && t.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var old in live)
        {
            old.RevokedAtUtc = now;
        }
        await db.SaveChangesAsync(ct);
        return live.Count > 0;
    }

    /// <summary>The feed for a token, or null when it is unknown or revoked.</summary>
    public async Task<string?> RenderAsync(string secret, CancellationToken ct)
    {
        if (secret.Length is 0 or > 100)
        {
            return null;
        }
        var hash = Secrets.Hash(secret);
        var token = await db.FeedTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAtUtc == null, ct);
        if (token is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAtUtc is not { } last || now - last >= TouchInterval)
        {
            await db.FeedTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, now), ct);
        }

        // The one place the Person's rows are read with no signed-in owner: the request is anonymous,
        // so the owner filters would match nothing. Each query below therefore ignores the filters and
        // filters by the token's owner explicitly; nothing else may be read here.
        var owner = token.PersonId;
        var zoneId = await db.Profiles.IgnoreQueryFilters().AsNoTracking().Where(p => p.PersonId == owner)
            .Select(p => p.TimeZoneId).SingleOrDefaultAsync(ct);
        var rows = await db.PlanItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.PersonId == owner).ToListAsync(ct);
        var level = await LevelAsync(owner, ct);
        var zone = LocalTime.TryFindZone(zoneId, out _) ? zoneId! : "UTC";
        return PlanFeedWriter.WriteEntries(rows.Select(r => new FeedEntry(r.ToPlanItem(), r.Sequence)), zone, now, level);
    }

    /// <summary>The owner's triage standing, computed as for a signed-in Person from the owner's rows read by explicit id.</summary>
    private async Task<TriageLevel> LevelAsync(Guid owner, CancellationToken ct) =>
        (await TriageService.StandingFromAsync(
            db.TriageAssessments.IgnoreQueryFilters().Where(a => a.PersonId == owner),
            db.ClinicianReviews.IgnoreQueryFilters().Where(r => r.PersonId == owner), ct)).Effective;

    /// <summary>The feed's https URL and its webcal:// form, from the configured public URL or this request's host.</summary>
    public (string Url, string Webcal) UrlsFor(HttpRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = options.Value.PublicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        var url = $"{origin}/feeds/{secret}.ics";
        var webcal = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "webcal://" + url["https://".Length..]
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "webcal://" + url["http://".Length..]
            : url;
        return (url, webcal);
    }
}
