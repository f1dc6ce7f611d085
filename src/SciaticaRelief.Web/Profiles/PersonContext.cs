using Microsoft.EntityFrameworkCore;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Security;

namespace SciaticaRelief.Web.Profiles;

/// <summary>The signed-in Person's Profile and time zone, loaded once per request.</summary>
public sealed class PersonContext(ReliefDbContext db, CurrentPerson person, TimeProvider clock)
{
    private Profile? _profile;

    public Guid PersonId => person.Id;

    public async Task<Profile> ProfileAsync(CancellationToken ct = default)
    {
        if (_profile is not null)
        {
            return _profile;
        }
        _profile = await db.Profiles.SingleOrDefaultAsync(ct);
        if (_profile is null)
        {
            // An account made before profiles existed, or by a tool: give it a default one.
            _profile = new Profile { PersonId = person.Id, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime, Version = 1 };
            db.Profiles.Add(_profile);
            await db.SaveChangesAsync(ct);
        }
        return _profile;
    }

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct = default)
    {
        var profile = await ProfileAsync(ct);
        return LocalTime.TryFindZone(profile.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The Profile's country: its emergency number and the place people there go.</summary>
    public async Task<Region> RegionAsync(CancellationToken ct = default) => Regions.GetOrOther((await ProfileAsync(ct)).RegionCode);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
